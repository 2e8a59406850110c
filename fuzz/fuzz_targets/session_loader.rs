//! Any bytes given to the session loader give a session or an error, never a panic; a session
//! that loads saves and reloads equal.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(session) = awayday::session::parse(text, "fuzz")
    {
        let again = awayday::session::parse(&awayday::session::to_ron(&session), "fuzz");
        assert_eq!(again.ok(), Some(session));
    }
});
