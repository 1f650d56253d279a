//! catalog: the starter server scaffold wrote because this folder had no sources yet. It is yours:
//! scaffold never rewrites it. It answers the blueprint's health endpoints
//! (/health) and a greeting on `/`, with the standard library only.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;

const GREETING: &str = "hello from catalog";
const HEALTH_PATHS: &[&str] = &["/health"];

/// The status line and JSON body for a GET of `path`.
fn respond(path: &str) -> (&'static str, String) {
    if HEALTH_PATHS.contains(&path) {
        ("200 OK", r#"{"status":"ok"}"#.to_string())
    } else if path == "/" {
        ("200 OK", String::from(r#"{"message":""#) + GREETING + r#""}"#)
    } else {
        ("404 Not Found", r#"{"error":"not found"}"#.to_string())
    }
}

fn serve(stream: TcpStream) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Read (and ignore) the headers up to the blank line.
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = path.split('?').next().unwrap_or("/");
    let (status, body) = respond(path);
    let mut stream = stream;
    write!(
        stream,
        "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    )
}

fn main() -> std::io::Result<()> {
    let port = std::env::var("PORT").unwrap_or_else(|_| "8082".to_string());
    let listener = TcpListener::bind(("0.0.0.0", port.parse::<u16>().expect("PORT is a port number")))?;
    println!("{GREETING}: listening on {port}");
    for stream in listener.incoming().flatten() {
        thread::spawn(move || {
            let _ = serve(stream);
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::respond;

    #[test]
    fn health_endpoints_answer() {
        for path in super::HEALTH_PATHS {
            assert_eq!(respond(path).0, "200 OK");
        }
    }

    #[test]
    fn greeting() {
        assert!(respond("/").1.contains("hello from catalog"));
    }
}
