//! Writes an estate as a snapshot file, atomically and privately.

use super::SaveError;
use super::format::{FORMAT, SnapshotOut, VERSION};
use crate::model::Estate;
use std::io::{BufWriter, Write};
use std::path::Path;

/// Writes `estate` to `path` as `{"format":"rampart-snapshot","version":1,
/// "estate":{...}}`: zstd-compressed when the name ends in `.zst`, pretty
/// JSON otherwise. The file appears complete or not at all (written to a
/// temporary file in the same directory, then renamed) and is readable by
/// its owner only (0600 on unix). Timestamps keep every digit; numbers are
/// written in their shortest exact form, which serde_json reads back bit for
/// bit for values of up to 15 significant digits (all that AWS providers
/// write). A computed 16-17 digit value may come back one ulp off unless
/// serde_json's `float_roundtrip` feature is enabled.
pub fn save(estate: &Estate, path: &Path) -> Result<(), SaveError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| SaveError::io(path, "not a file name"))?;
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{file_name}."))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| SaveError::io(path, e))?;
    let out = SnapshotOut {
        format: FORMAT,
        version: VERSION,
        estate,
    };
    let compressed = file_name.to_ascii_lowercase().ends_with(".zst");
    {
        let mut writer = BufWriter::new(tmp.as_file());
        if compressed {
            let mut encoder =
                zstd::stream::Encoder::new(&mut writer, 3).map_err(|e| SaveError::io(path, e))?;
            serde_json::to_writer(&mut encoder, &out).map_err(|e| SaveError::io(path, e))?;
            encoder.finish().map_err(|e| SaveError::io(path, e))?;
        } else {
            serde_json::to_writer_pretty(&mut writer, &out).map_err(|e| SaveError::io(path, e))?;
            writer
                .write_all(b"\n")
                .map_err(|e| SaveError::io(path, e))?;
        }
        writer.flush().map_err(|e| SaveError::io(path, e))?;
    }
    tmp.as_file()
        .sync_all()
        .map_err(|e| SaveError::io(path, e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o600))
            .map_err(|e| SaveError::io(path, e))?;
    }
    tmp.persist(path)
        .map_err(|e| SaveError::io(path, e.error))?;
    Ok(())
}
