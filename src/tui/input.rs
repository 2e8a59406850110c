//! Terminal events as actions: key releases dropped, AltGr characters made plain, and, where
//! the terminal sends a paste as keys (the Windows console), a burst of typed-in text with a
//! line break inside taken as the paste it is.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::action::Action;

/// Turns a terminal event into actions: a key press as it is (the keymap routes it, for the
/// context that has the keys, in `update`), a paste whole, mouse and resizes.
pub fn actions_for(event: &Event) -> Vec<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            vec![Action::Key(plain_altgr(*key))]
        }
        Event::Paste(text) => vec![Action::Paste(text.clone())],
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => vec![Action::Click(m.column, m.row)],
            MouseEventKind::ScrollDown => vec![Action::Wheel {
                column: m.column,
                row: m.row,
                down: true,
            }],
            MouseEventKind::ScrollUp => vec![Action::Wheel {
                column: m.column,
                row: m.row,
                down: false,
            }],
            _ => Vec::new(),
        },
        Event::Resize(w, h) => vec![Action::Resize(*w, *h)],
        _ => Vec::new(),
    }
}

/// AltGr, on Windows, arrives as Ctrl+Alt with the character it makes (`€`, `é`, and on many
/// layouts `@ { } [ ] \ |`); text fields drop Ctrl+Alt keys, so the character is handed on as
/// typed, Shift kept. A letter or digit with Ctrl+Alt is not AltGr (AltGr gives the
/// character, not the key's letter) and stays a chord, as it is on Linux and macOS.
pub fn plain_altgr(key: KeyEvent) -> KeyEvent {
    let altgr = KeyModifiers::CONTROL | KeyModifiers::ALT;
    match key.code {
        KeyCode::Char(c) if key.modifiers.contains(altgr) && !c.is_ascii_alphanumeric() => {
            KeyEvent {
                modifiers: key.modifiers - altgr,
                ..key
            }
        }
        _ => key,
    }
}

/// The text of a burst that is a paste sent as keys, or `None`.
///
/// The rule: every key pressed in the burst is a character (Shift or AltGr allowed), Enter or
/// Tab, nothing else happened (no mouse, no resize, no bracketed paste), and a line break is
/// followed by more text. A person typing produces one key at a time, read before the next;
/// a burst with text after a line break is a paste. A burst ending in its only line break
/// ("name⏎" typed faster than the screen redrew) stays keys, so Enter still submits a form:
/// a pasted single line ending in a line break is typed, its line break acting as Enter.
pub fn paste_in_burst(events: &[Event]) -> Option<String> {
    let mut text = String::new();
    let mut break_then_text = false;
    let mut seen_break = false;
    for event in events {
        let Event::Key(key) = event else {
            return None;
        };
        if key.kind == KeyEventKind::Release {
            continue;
        }
        let key = plain_altgr(*key);
        let others = key.modifiers - KeyModifiers::SHIFT;
        let piece = match key.code {
            KeyCode::Char(c) if others.is_empty() => c,
            KeyCode::Enter if others.is_empty() => '\n',
            KeyCode::Tab if others.is_empty() => '\t',
            _ => return None,
        };
        match piece {
            '\n' | '\r' => seen_break = true,
            _ if seen_break => break_then_text = true,
            _ => {}
        }
        text.push(piece);
    }
    // The console may send a line break as carriage return and line feed both.
    break_then_text.then(|| text.replace("\r\n", "\n").replace('\r', "\n"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventState;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, modifiers))
    }

    fn release(code: KeyCode) -> Event {
        Event::Key(KeyEvent {
            code,
            modifiers: KeyModifiers::NONE,
            kind: KeyEventKind::Release,
            state: KeyEventState::NONE,
        })
    }

    /// Presses and releases, as the Windows console sends a paste.
    fn typed(text: &str) -> Vec<Event> {
        text.chars()
            .flat_map(|c| {
                let code = if c == '\n' {
                    KeyCode::Enter
                } else {
                    KeyCode::Char(c)
                };
                [press(code, KeyModifiers::NONE), release(code)]
            })
            .collect()
    }

    #[test]
    fn altgr_characters_arrive_plain_and_shift_is_kept() {
        let altgr = KeyModifiers::CONTROL | KeyModifiers::ALT;
        for c in ['€', 'é', '@', '{', '}', '\\', '|', '[', ']', '~'] {
            let got = actions_for(&press(KeyCode::Char(c), altgr));
            assert_eq!(
                got,
                vec![Action::Key(KeyEvent::new(
                    KeyCode::Char(c),
                    KeyModifiers::NONE
                ))],
                "{c}"
            );
        }
        let got = plain_altgr(KeyEvent::new(
            KeyCode::Char('Ä'),
            altgr | KeyModifiers::SHIFT,
        ));
        assert_eq!(got.modifiers, KeyModifiers::SHIFT);
    }

    #[test]
    fn ctrl_alt_on_a_letter_or_digit_stays_a_chord() {
        let chord = KeyModifiers::CONTROL | KeyModifiers::ALT;
        for c in ['s', 'Q', '7'] {
            assert_eq!(
                plain_altgr(KeyEvent::new(KeyCode::Char(c), chord)).modifiers,
                chord
            );
        }
        let ctrl_only = KeyEvent::new(KeyCode::Char('@'), KeyModifiers::CONTROL);
        assert_eq!(plain_altgr(ctrl_only), ctrl_only);
    }

    #[test]
    fn a_burst_with_a_line_break_inside_is_one_paste() {
        let events = typed("first line\nsecond € line\n");
        assert_eq!(
            paste_in_burst(&events).as_deref(),
            Some("first line\nsecond € line\n")
        );
        let crlf = typed("a\r\nb");
        assert_eq!(paste_in_burst(&crlf).as_deref(), Some("a\nb"));
    }

    #[test]
    fn typing_and_submitting_stays_keys() {
        // Typed fast enough to be read together: Enter at the end still submits.
        assert!(paste_in_burst(&typed("Red\n")).is_none());
        // Without a line break there is nothing to keep apart.
        assert!(paste_in_burst(&typed("abc")).is_none());
    }

    #[test]
    fn a_burst_with_a_command_key_or_mouse_is_not_a_paste() {
        let mut events = typed("a\nb");
        events.insert(2, press(KeyCode::Char('s'), KeyModifiers::CONTROL));
        assert!(paste_in_burst(&events).is_none());
        let mut events = typed("a\nb");
        events.push(press(KeyCode::Esc, KeyModifiers::NONE));
        assert!(paste_in_burst(&events).is_none());
        let mut events = typed("a\nb");
        events.push(Event::Resize(80, 24));
        assert!(paste_in_burst(&events).is_none());
    }

    #[test]
    fn releases_are_dropped() {
        assert!(actions_for(&release(KeyCode::Char('a'))).is_empty());
    }
}
