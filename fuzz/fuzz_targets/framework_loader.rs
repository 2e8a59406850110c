//! Any bytes given to the framework loader give a framework or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = awayday::framework::parse(text, "fuzz");
    }
});
