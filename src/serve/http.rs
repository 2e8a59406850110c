//! Just enough HTTP/1.1 for a phone's browser: one request per connection, its size bounded
//! before anything is kept (a head of 8 KiB, a body of 2 KiB), and responses that tell the
//! browser to keep nothing and send the link to no one.

use std::io::{Read, Write};

/// The most a request's line and headers may take.
pub const MAX_HEAD: usize = 8 * 1024;
/// The most a request's body may take: a vote is a few dozen bytes.
pub const MAX_BODY: usize = 2 * 1024;

/// A request as read: method, path (query string dropped) and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    pub path: String,
    pub body: Vec<u8>,
}

/// Why a request could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Its head or body is larger than allowed (431, 413).
    HeadTooLarge,
    BodyTooLarge,
    /// Not HTTP as expected, or a body sent in a way not taken here (400).
    Malformed,
    /// The connection ended or went quiet before the request was whole: nothing to answer.
    Gone,
}

/// Reads one request, never holding more than [`MAX_HEAD`] + [`MAX_BODY`] bytes of it.
pub fn read_request(stream: &mut impl Read) -> Result<Request, Refused> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    let head_end = loop {
        if let Some(at) = find(&buf, b"\r\n\r\n") {
            break at;
        }
        if buf.len() > MAX_HEAD {
            return Err(Refused::HeadTooLarge);
        }
        let n = stream.read(&mut chunk).map_err(|_| Refused::Gone)?;
        if n == 0 {
            return Err(Refused::Gone);
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    if head_end > MAX_HEAD {
        return Err(Refused::HeadTooLarge);
    }
    let head = std::str::from_utf8(&buf[..head_end]).map_err(|_| Refused::Malformed)?;
    let mut lines = head.split("\r\n");
    let mut first = lines.next().unwrap_or_default().split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (first.next(), first.next(), first.next(), first.next())
    else {
        return Err(Refused::Malformed);
    };
    if !version.starts_with("HTTP/1.") || !target.starts_with('/') {
        return Err(Refused::Malformed);
    }
    let mut length = 0usize;
    for line in lines {
        let (name, value) = line.split_once(':').ok_or(Refused::Malformed)?;
        let name = name.trim();
        if name.eq_ignore_ascii_case("content-length") {
            length = value.trim().parse().map_err(|_| Refused::Malformed)?;
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            // Chunked bodies are not taken: the page's form never sends one.
            return Err(Refused::Malformed);
        }
    }
    if length > MAX_BODY {
        return Err(Refused::BodyTooLarge);
    }
    let mut body = buf[head_end + 4..].to_vec();
    while body.len() < length {
        let n = stream.read(&mut chunk).map_err(|_| Refused::Gone)?;
        if n == 0 {
            return Err(Refused::Gone);
        }
        body.extend_from_slice(&chunk[..n]);
    }
    body.truncate(length);
    let path = target.split('?').next().unwrap_or_default().to_owned();
    Ok(Request {
        method: method.to_owned(),
        path,
        body,
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A response: its status, a page (or plain text), and where to go next after a vote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub body: String,
    pub location: Option<String>,
    /// The page's Content-Security-Policy (its one script allowed by hash).
    pub policy: String,
}

impl Response {
    pub fn html(status: u16, body: String, policy: String) -> Self {
        Response {
            status,
            content_type: "text/html; charset=utf-8",
            body,
            location: None,
            policy,
        }
    }

    pub fn text(status: u16, body: &str) -> Self {
        Response {
            status,
            content_type: "text/plain; charset=utf-8",
            body: body.to_owned(),
            location: None,
            policy: "default-src 'none'".to_owned(),
        }
    }

    /// "See other": after a vote, the browser loads the group's page again.
    pub fn see_other(location: String) -> Self {
        Response {
            status: 303,
            content_type: "text/plain; charset=utf-8",
            body: String::new(),
            location: Some(location),
            policy: "default-src 'none'".to_owned(),
        }
    }

    /// Writes the response and nothing after it (the connection closes).
    pub fn write_to(&self, out: &mut impl Write) -> std::io::Result<()> {
        let mut head = format!(
            "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\
             Cache-Control: no-store\r\nReferrer-Policy: no-referrer\r\n\
             X-Content-Type-Options: nosniff\r\nContent-Security-Policy: {}\r\n",
            self.status,
            reason(self.status),
            self.content_type,
            self.body.len(),
            self.policy
        );
        if let Some(location) = &self.location {
            head.push_str("Location: ");
            head.push_str(location);
            head.push_str("\r\n");
        }
        head.push_str("\r\n");
        out.write_all(head.as_bytes())?;
        out.write_all(self.body.as_bytes())?;
        out.flush()
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        303 => "See Other",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        413 => "Content Too Large",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        _ => "Service Unavailable",
    }
}

/// The fields of a form as a browser sends it (`application/x-www-form-urlencoded`).
pub fn form_fields(body: &[u8]) -> Vec<(String, String)> {
    String::from_utf8_lossy(body)
        .split('&')
        .filter_map(|pair| {
            let (name, value) = pair.split_once('=')?;
            Some((decode(name), decode(value)))
        })
        .collect()
}

/// Undoes a form's percent-encoding (and `+` for a space); a broken escape is kept as it is.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(hi), Some(lo)) => {
                    out.push(hi << 4 | lo);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(digit: u8) -> Option<u8> {
    char::from(digit)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_post_is_read_whole() {
        let raw = b"POST /g/abc?x=1 HTTP/1.1\r\nHost: h\r\nContent-Length: 22\r\n\r\nstatement=1.1&score=na";
        let req = read_request(&mut &raw[..]).unwrap();
        assert_eq!(req.method, "POST");
        assert_eq!(req.path, "/g/abc");
        assert_eq!(
            form_fields(&req.body),
            vec![
                ("statement".to_owned(), "1.1".to_owned()),
                ("score".to_owned(), "na".to_owned())
            ]
        );
    }

    #[test]
    fn oversized_heads_and_bodies_are_refused_before_they_are_read() {
        let mut big = b"GET / HTTP/1.1\r\nX: ".to_vec();
        big.extend(std::iter::repeat_n(b'a', MAX_HEAD + 10));
        big.extend_from_slice(b"\r\n\r\n");
        assert_eq!(read_request(&mut &big[..]), Err(Refused::HeadTooLarge));
        let body = format!(
            "POST / HTTP/1.1\r\nContent-Length: {}\r\n\r\n",
            MAX_BODY + 1
        );
        assert_eq!(
            read_request(&mut body.as_bytes()),
            Err(Refused::BodyTooLarge)
        );
        let chunked = b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
        assert_eq!(read_request(&mut &chunked[..]), Err(Refused::Malformed));
    }

    #[test]
    fn percent_escapes_are_undone() {
        assert_eq!(decode("2.3.c%2F4+x%zz%4"), "2.3.c/4 x%zz%4");
        assert_eq!(decode("%é%"), "%é%");
    }
}
