//! The grammar, parsed with winnow into raw terms with byte spans.
//!
//! ```text
//! query  = ws* (term (ws+ term)*)? ws* EOF
//! term   = "!"? (field | text)
//! field  = name op value          name = [A-Za-z][A-Za-z0-9_-]*
//! op     = ">=" | "<=" | "!=" | ">" | "<" | "=" | ":"
//! value  = quoted | bare
//! text   = quoted | bare-not-starting-with-"!"
//! quoted = '"' ( '\"' | '\\' | any char but '"' )* '"'
//! bare   = any chars but whitespace and '"'
//! ```
//!
//! Meaning (which names exist, which values are valid) is checked later, in
//! `compile`, so those errors can point at the exact token.

use std::ops::Range;
use winnow::LocatingSlice;
use winnow::combinator::{alt, cut_err, eof, opt, separated};
use winnow::error::{AddContext, ContextError, ErrMode, ModalResult, StrContext};
use winnow::prelude::*;
use winnow::stream::{Location, Stream};
use winnow::token::{any, one_of, take_till, take_while};

type Input<'a> = LocatingSlice<&'a str>;

pub(super) const UNTERMINATED: &str = "unterminated quote";
pub(super) const NEED_TERM: &str = "expected a term after '!'";
pub(super) const NEED_VALUE: &str = "expected a value after the operator";
pub(super) const NEED_SPACE: &str = "expected a space between terms";

/// A comparison operator between a field name and its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Op {
    /// `:` or `=`
    Eq,
    /// `!=`
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Op {
    pub(super) fn as_str(self) -> &'static str {
        match self {
            Op::Eq => ":",
            Op::Ne => "!=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
        }
    }
}

/// A value or free-text token: its text (quotes removed, escapes resolved)
/// and the byte span of the token as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Token {
    pub(super) text: String,
    pub(super) span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Atom {
    Field {
        name: Token,
        op: Op,
        op_span: Range<usize>,
        value: Token,
    },
    Text(Token),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct RawTerm {
    pub(super) negated: bool,
    pub(super) atom: Atom,
}

/// A syntax error: byte offset and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct SyntaxError {
    pub(super) offset: usize,
    pub(super) message: String,
}

pub(super) fn parse(source: &str) -> Result<Vec<RawTerm>, SyntaxError> {
    query
        .parse(LocatingSlice::new(source))
        .map_err(|e| SyntaxError {
            offset: e.offset(),
            message: e
                .inner()
                .context()
                .find_map(|c| match c {
                    StrContext::Label(l) => Some((*l).to_string()),
                    _ => None,
                })
                .unwrap_or_else(|| "unexpected input".to_string()),
        })
}

fn query(input: &mut Input<'_>) -> ModalResult<Vec<RawTerm>> {
    ws0.parse_next(input)?;
    let terms = separated(0.., term, ws1).parse_next(input)?;
    ws0.parse_next(input)?;
    eof.context(StrContext::Label(NEED_SPACE))
        .parse_next(input)?;
    Ok(terms)
}

fn ws0<'a>(input: &mut Input<'a>) -> ModalResult<&'a str> {
    take_while(0.., char::is_whitespace).parse_next(input)
}

fn ws1<'a>(input: &mut Input<'a>) -> ModalResult<&'a str> {
    take_while(1.., char::is_whitespace).parse_next(input)
}

fn term(input: &mut Input<'_>) -> ModalResult<RawTerm> {
    let negated = opt('!').parse_next(input)?.is_some();
    let atom = if negated {
        cut_err(atom)
            .context(StrContext::Label(NEED_TERM))
            .parse_next(input)?
    } else {
        atom.parse_next(input)?
    };
    Ok(RawTerm { negated, atom })
}

fn atom(input: &mut Input<'_>) -> ModalResult<Atom> {
    alt((field, text.map(Atom::Text))).parse_next(input)
}

fn field(input: &mut Input<'_>) -> ModalResult<Atom> {
    let (name, name_span) = name.with_span().parse_next(input)?;
    let (op, op_span) = op.with_span().parse_next(input)?;
    let value = cut_err(alt((quoted, bare)))
        .context(StrContext::Label(NEED_VALUE))
        .parse_next(input)?;
    Ok(Atom::Field {
        name: Token {
            text: name.to_string(),
            span: name_span,
        },
        op,
        op_span,
        value,
    })
}

fn name<'a>(input: &mut Input<'a>) -> ModalResult<&'a str> {
    (
        one_of(|c: char| c.is_ascii_alphabetic()),
        take_while(0.., |c: char| {
            c.is_ascii_alphanumeric() || c == '_' || c == '-'
        }),
    )
        .take()
        .parse_next(input)
}

fn op(input: &mut Input<'_>) -> ModalResult<Op> {
    alt((
        ">=".value(Op::Ge),
        "<=".value(Op::Le),
        "!=".value(Op::Ne),
        '>'.value(Op::Gt),
        '<'.value(Op::Lt),
        '='.value(Op::Eq),
        ':'.value(Op::Eq),
    ))
    .parse_next(input)
}

/// Free text: a quoted phrase or a bare word that does not start with `!`
/// (a second `!` is an error, not a word).
fn text(input: &mut Input<'_>) -> ModalResult<Token> {
    alt((
        quoted,
        (bare_start('!'), bare_rest).take().with_span().map(token),
    ))
    .parse_next(input)
}

/// A bare value: anything up to whitespace or a quote.
fn bare(input: &mut Input<'_>) -> ModalResult<Token> {
    (bare_start('"'), bare_rest)
        .take()
        .with_span()
        .map(token)
        .parse_next(input)
}

fn bare_start<'a>(not: char) -> impl Parser<Input<'a>, char, ErrMode<ContextError>> {
    one_of(move |c: char| !c.is_whitespace() && c != '"' && c != not)
}

fn bare_rest<'a>(input: &mut Input<'a>) -> ModalResult<&'a str> {
    take_while(0.., |c: char| !c.is_whitespace() && c != '"').parse_next(input)
}

fn token((text, span): (&str, Range<usize>)) -> Token {
    Token {
        text: text.to_string(),
        span,
    }
}

/// A double-quoted string with `\"` and `\\` escapes (any other backslash is
/// kept as written). An unterminated quote is reported at the opening quote.
fn quoted(input: &mut Input<'_>) -> ModalResult<Token> {
    let start = input.checkpoint();
    let from = input.current_token_start();
    '"'.parse_next(input)?;
    let mut text = String::new();
    loop {
        let chunk: &str = take_till(0.., ['"', '\\']).parse_next(input)?;
        text.push_str(chunk);
        match opt(any).parse_next(input)? {
            Some('"') => {
                let span = from..input.current_token_start();
                return Ok(Token { text, span });
            }
            Some(_backslash) => match opt(any).parse_next(input)? {
                Some(c @ ('"' | '\\')) => text.push(c),
                Some(c) => {
                    text.push('\\');
                    text.push(c);
                }
                None => break,
            },
            None => break,
        }
    }
    input.reset(&start);
    let err = ContextError::new().add_context(input, &start, StrContext::Label(UNTERMINATED));
    Err(ErrMode::Cut(err))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tok(text: &str, span: Range<usize>) -> Token {
        Token {
            text: text.to_string(),
            span,
        }
    }

    #[test]
    fn splits_terms_on_whitespace() {
        let terms = parse("  foo\t!bar  ").unwrap();
        assert_eq!(
            terms,
            vec![
                RawTerm {
                    negated: false,
                    atom: Atom::Text(tok("foo", 2..5)),
                },
                RawTerm {
                    negated: true,
                    atom: Atom::Text(tok("bar", 7..10)),
                },
            ]
        );
        assert!(parse("").unwrap().is_empty());
        assert!(parse(" \t\n ").unwrap().is_empty());
    }

    #[test]
    fn reads_fields_operators_and_quoted_values() {
        let terms = parse(r#"sev>=high title:"a \"b\" \\ c\d""#).unwrap();
        assert_eq!(
            terms[0].atom,
            Atom::Field {
                name: tok("sev", 0..3),
                op: Op::Ge,
                op_span: 3..5,
                value: tok("high", 5..9),
            }
        );
        match &terms[1].atom {
            Atom::Field {
                name, op, value, ..
            } => {
                assert_eq!(name.text, "title");
                assert_eq!(*op, Op::Eq);
                assert_eq!(value.text, r#"a "b" \ c\d"#);
                assert_eq!(value.span.start, 16);
            }
            other => panic!("not a field: {other:?}"),
        }
    }

    #[test]
    fn words_without_a_field_prefix_are_text() {
        for word in [
            "10.0.0.1:443",
            "KMS.4",
            "i-0abc",
            "foo!bar",
            "_x:y",
            ":x",
            ">=high",
        ] {
            let terms = parse(word).unwrap_or_else(|e| panic!("{word}: {e:?}"));
            assert!(matches!(terms[0].atom, Atom::Text(_)), "{word}");
        }
        // a name and an operator always need a value
        assert_eq!(parse("a>").unwrap_err().message, NEED_VALUE);
    }

    #[test]
    fn errors_carry_offsets() {
        let e = parse(r#"foo "bar"#).unwrap_err();
        assert_eq!((e.offset, e.message.as_str()), (4, UNTERMINATED));
        let e = parse(r#"title:"x"#).unwrap_err();
        assert_eq!((e.offset, e.message.as_str()), (6, UNTERMINATED));
        let e = parse("foo !").unwrap_err();
        assert_eq!((e.offset, e.message.as_str()), (5, NEED_TERM));
        let e = parse("!!foo").unwrap_err();
        assert_eq!((e.offset, e.message.as_str()), (1, NEED_TERM));
        let e = parse("sev>= high").unwrap_err();
        assert_eq!((e.offset, e.message.as_str()), (5, NEED_VALUE));
        let e = parse(r#""a"b"#).unwrap_err();
        assert_eq!((e.offset, e.message.as_str()), (3, NEED_SPACE));
        let e = parse(r#"a"b""#).unwrap_err();
        assert_eq!((e.offset, e.message.as_str()), (1, NEED_SPACE));
        let e = parse(r#"x "a\"#).unwrap_err();
        assert_eq!((e.offset, e.message.as_str()), (2, UNTERMINATED));
    }
}
