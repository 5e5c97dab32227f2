//! A small XML writer for the office packages: start tags with attributes, escaped text and end
//! tags appended to one string, the open elements kept on a stack so every element is closed.
//! Escaping is quick-xml's; characters XML 1.0 forbids (controls other than tab and line ends)
//! are dropped, so a stray byte in an answer can never make the word processor refuse the file.

use quick_xml::escape::escape;

/// The XML declaration every part starts with.
pub const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// An XML document being written.
#[derive(Default)]
pub struct Xml {
    out: String,
    open: Vec<String>,
}

impl Xml {
    /// A document starting with the XML declaration.
    pub fn new() -> Xml {
        Xml {
            out: DECLARATION.to_owned(),
            open: Vec::new(),
        }
    }

    /// A fragment without declaration, to be spliced into another document.
    pub fn fragment() -> Xml {
        Xml::default()
    }

    /// `<name a="v"…>`, to be closed by `close`.
    pub fn open(&mut self, name: &str, attributes: &[(&str, &str)]) -> &mut Self {
        self.start_tag(name, attributes);
        self.out.push('>');
        self.open.push(name.to_owned());
        self
    }

    /// `<name a="v"…/>`.
    pub fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) -> &mut Self {
        self.start_tag(name, attributes);
        self.out.push_str("/>");
        self
    }

    /// Closes the innermost open element.
    pub fn close(&mut self) -> &mut Self {
        if let Some(name) = self.open.pop() {
            self.out.push_str("</");
            self.out.push_str(&name);
            self.out.push('>');
        }
        self
    }

    /// `<name a="v"…>text</name>`.
    pub fn element(&mut self, name: &str, attributes: &[(&str, &str)], text: &str) -> &mut Self {
        self.open(name, attributes).text(text).close()
    }

    /// Escaped text.
    pub fn text(&mut self, text: &str) -> &mut Self {
        self.out.push_str(&escape(clean(text).as_ref()));
        self
    }

    /// Markup written as is (a fragment built by another `Xml`, or a constant).
    pub fn raw(&mut self, markup: &str) -> &mut Self {
        self.out.push_str(markup);
        self
    }

    /// The document, every element closed.
    pub fn finish(mut self) -> String {
        while !self.open.is_empty() {
            self.close();
        }
        self.out
    }

    fn start_tag(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attributes {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            self.out.push_str(&escape(clean(value).as_ref()));
            self.out.push('"');
        }
    }
}

/// The text without the characters XML 1.0 forbids.
pub fn clean(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().all(is_xml_char) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.chars().filter(|&c| is_xml_char(c)).collect())
    }
}

fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped_and_elements_closed() {
        let mut xml = Xml::fragment();
        xml.open("a", &[("title", "« x » & \"y\"")])
            .text("1 < 2 \u{0}\u{7}ok")
            .open("b", &[]);
        assert_eq!(
            xml.finish(),
            "<a title=\"« x » &amp; &quot;y&quot;\">1 &lt; 2 ok<b></b></a>"
        );
    }
}
