//! Tests for merging and de-duplication.
