//! TEMPORARY stand-in for the `render_out` module owned by another branch.

use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

pub fn buffer_to_text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        let mut skip = 0usize;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            line.push_str(sym);
            skip = sym.width().saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub fn buffer_to_svg(buf: &Buffer, _no_color: bool) -> String {
    let text = buffer_to_text(buf);
    let mut out = String::from("<svg xmlns=\"http://www.w3.org/2000/svg\"><text>");
    for l in text.lines() {
        out.push_str(&l.replace('&', "&amp;").replace('<', "&lt;"));
        out.push('\n');
    }
    out.push_str("</text></svg>\n");
    out
}
