package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// qspan is one quotation delimited by quote marks.
type qspan struct {
	open     int  // offset of the opening mark
	inner    int  // first byte after the opening mark
	innerEnd int  // offset of the closing mark (or where the quote was cut)
	close    int  // first byte after the closing mark
	closed   bool // a closing mark was found
	single   bool // delimited by single marks: only trusted next to a cue
	runsOn   bool // left open at a paragraph end, the next paragraph reopens it
	cont     bool // reopens a quote left open by the previous quote
}

// maxOpenQuote caps an unclosed quote: beyond this many bytes the opening
// mark is taken to be stray rather than swallowing the rest of the text.
const maxOpenQuote = 1200

// markRole says what a quote mark may do.
type markRole uint8

const (
	roleOpen  markRole = iota + 1 // “ „ «
	roleClose                     // ” »
	roleBoth                      // "
)

// doubleMarkAt reports whether a double quote mark starts at i and its width.
func doubleMarkAt(s string, i int) (markRole, int) {
	switch c := s[i]; c {
	case '"':
		return roleBoth, 1
	case '\'':
		// two apostrophes stand for a double mark in some archives ('' ... '')
		if i+1 < len(s) && s[i+1] == '\'' {
			return roleBoth, 2
		}
	case 0xE2:
		if i+2 < len(s) && s[i+1] == 0x80 {
			switch s[i+2] {
			case 0x9C, 0x9E, 0x9F: // “ „ ‟
				return roleOpen, 3
			case 0x9D: // ”
				return roleClose, 3
			}
		}
	case 0xC2:
		if i+1 < len(s) {
			switch s[i+1] {
			case 0xAB: // «
				return roleOpen, 2
			case 0xBB: // »
				return roleClose, 2
			}
		}
	}
	return 0, 0
}

// singleMarkAt reports whether a single quote mark starts at i.
func singleMarkAt(s string, i int) (markRole, int) {
	switch s[i] {
	case '\'':
		return roleBoth, 1
	case 0xE2:
		if i+2 < len(s) && s[i+1] == 0x80 {
			switch s[i+2] {
			case 0x98: // ‘
				return roleOpen, 3
			case 0x99: // ’
				return roleClose, 3
			}
		}
	}
	return 0, 0
}

// runeBefore returns the rune ending at i (or -1 at lo).
func runeBefore(s string, lo, i int) rune {
	if i <= lo {
		return -1
	}
	if c := s[i-1]; c < utf8.RuneSelf {
		return rune(c)
	}
	r, _ := utf8.DecodeLastRuneInString(s[lo:i])
	return r
}

// runeAt returns the rune starting at i (or -1 at hi).
func runeAt(s string, i, hi int) rune {
	if i >= hi {
		return -1
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c)
	}
	r, _ := utf8.DecodeRuneInString(s[i:hi])
	return r
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == 0xA0 || (r > 0x7F && unicode.IsSpace(r))
}

// opensBefore: characters after which a mark is an opening one.
func opensBefore(r rune) bool {
	return r == -1 || isSpace(r) || r == '(' || r == '[' || r == '{' || r == '—' || r == '–' || r == '-' || r == '/' || r == ':'
}

// closesAfter: characters before which a mark is a closing one.
func closesAfter(r rune) bool {
	return r == -1 || isSpace(r) || r == ',' || r == '.' || r == ';' || r == ':' || r == '!' || r == '?' || r == ')' || r == ']' || r == '—' || r == '–'
}

func endsSentence(s string, lo, i int) bool {
	for i > lo && (s[i-1] == ' ' || s[i-1] == '\t') {
		i--
	}
	r := runeBefore(s, lo, i)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// markStart marks the bytes that may start a quote mark.
var markStart = func() (t [256]bool) {
	t['"'], t['\''], t[0xE2], t[0xC2] = true, true, true, true
	return t
}()

// scanDoubleQuotes finds the double-quoted spans of the paragraph [lo, hi).
// Straight marks alternate; the context (space before, letter after) is used
// to recover from a stray mark instead of inverting every later quote.
func scanDoubleQuotes(s string, lo, hi int, out []qspan) []qspan {
	open, inner := -1, -1
	cont := false
	for i := lo; i < hi; i++ {
		if !markStart[s[i]] {
			// skip to the next byte that may start a mark
			j := i + 1
			for j < hi && !markStart[s[j]] {
				j++
			}
			if i = j; i >= hi {
				break
			}
		}
		c := s[i]
		if c == '\'' && open >= 0 && i+2 < hi && s[i+1] == '\'' && s[i+2] == '\'' {
			continue // `'old-school,'''`: a single mark closes first
		}
		role, w := doubleMarkAt(s, i)
		if w == 0 || i+w > hi {
			continue
		}
		prev, next := runeBefore(s, lo, i), runeAt(s, i+w, hi)
		openLike := opensBefore(prev) && !isSpace(next) && next != -1
		closeLike := !opensBefore(prev) && closesAfter(next)
		switch {
		case open < 0:
			// a closing mark opening the paragraph (`” … in the case
			// of X,” wrote Y`) can only open a quotation
			atStart := prev == -1 || unicode.Is(unicode.Cf, prev) && strings.TrimFunc(s[lo:i], func(r rune) bool { return unicode.Is(unicode.Cf, r) }) == ""
			if role == roleOpen || (role == roleBoth && !closeLike) || (role == roleClose && (openLike || atStart && next != -1)) {
				open, inner = i, i+w
			}
		case role == roleOpen && closeLike && !openLike && i > inner:
			// `It's unusual,“ said Larry Noble`: an opening mark misused
			// as a closing one
			out = append(out, qspan{open: open, inner: inner, innerEnd: i, close: i + w, closed: true, cont: cont})
			open, inner, cont = -1, -1, false
		case role == roleOpen || (role == roleBoth && openLike && !closeLike):
			// A new opening mark inside a quote: either the previous
			// paragraph of the quote lost its break (it ends a sentence),
			// or the earlier mark was stray.
			if role == roleOpen && !endsSentence(s, inner, i) {
				if c := nestedClose(s, i+w, hi); c > 0 {
					// `“... about “Equal Justice” at all.”`: a quotation
					// nested in the open one
					i = c - 1
					continue
				}
			}
			if endsSentence(s, inner, i) && i-inner < maxOpenQuote {
				out = append(out, qspan{open: open, inner: inner, innerEnd: trimSpaceEnd(s, inner, i), close: trimSpaceEnd(s, inner, i), runsOn: true, cont: cont})
				cont = true
			} else {
				cont = false
			}
			open, inner = i, i+w
		default:
			out = append(out, qspan{open: open, inner: inner, innerEnd: i, close: i + w, closed: true, cont: cont})
			open, inner, cont = -1, -1, false
		}
		i += w - 1
	}
	if open >= 0 {
		end := trimSpaceEnd(s, inner, hi)
		if end-inner <= maxOpenQuote && end > inner {
			out = append(out, qspan{open: open, inner: inner, innerEnd: end, close: end, cont: cont})
		}
	}
	return out
}

func trimSpaceEnd(s string, lo, i int) int {
	for i > lo {
		r := runeBefore(s, lo, i)
		if !isSpace(r) {
			break
		}
		i -= utf8.RuneLen(r)
	}
	return i
}

// elisions are words written with a leading apostrophe, not quotations.
var elisions = map[string]bool{"tis": true, "twas": true, "n": true, "em": true, "cause": true, "til": true, "til'": true, "bout": true, "round": true, "ol": true}

// scanSingleQuotes finds single-quoted spans in [lo, hi) outside the double
// quotes dq. Apostrophes (don't, Jones', 'Tis, rock 'n' roll, the '90s) are
// skipped; the spans found are only used when a cue stands next to them.
func scanSingleQuotes(s string, lo, hi int, dq []qspan, out []qspan) []qspan {
	open, inner := -1, -1
	k := 0
	for i := lo; i < hi; i++ {
		for k < len(dq) && dq[k].close <= i {
			k++
		}
		if k < len(dq) && dq[k].open <= i {
			i = dq[k].close - 1
			open = -1
			continue
		}
		c := s[i]
		if c != '\'' && c != 0xE2 {
			lim := hi
			if k < len(dq) && dq[k].open < lim {
				lim = dq[k].open
			}
			j := i + 1
			for j < lim && s[j] != '\'' && s[j] != 0xE2 {
				j++
			}
			i = j - 1
			continue
		}
		if open >= 0 && i-inner > 400 {
			open = -1
		}
		role, w := singleMarkAt(s, i)
		if w == 0 || i+w > hi {
			continue
		}
		if c == '\'' && i+1 < hi && s[i+1] == '\'' {
			i++
			continue
		}
		prev, next := runeBefore(s, lo, i), runeAt(s, i+w, hi)
		if open < 0 {
			if role != roleClose && opensBefore(prev) && unicode.IsLetter(next) && !elisionAt(s, i+w, hi) {
				open, inner = i, i+w
			}
		} else if role != roleOpen && !isSpace(prev) && closesAfter(next) {
			if i-inner > 2 {
				out = append(out, qspan{open: open, inner: inner, innerEnd: i, close: i + w, closed: true, single: true})
			}
			open = -1
		}
		if i-inner > 400 && open >= 0 {
			open = -1
		}
		i += w - 1
	}
	return out
}

func elisionAt(s string, i, hi int) bool {
	j := i
	for j < hi && j-i < 6 && s[j] < utf8.RuneSelf && (s[j]|0x20 >= 'a' && s[j]|0x20 <= 'z') {
		j++
	}
	var buf [8]byte
	n := 0
	for _, c := range []byte(s[i:j]) {
		buf[n] = c | 0x20
		n++
	}
	return elisions[string(buf[:n])]
}

// nestedClose returns the end of the closing mark of a quotation nested
// in an open one and opening before i: there are two closing marks ahead
// (the nested one's, the open one's) before any other opening mark. It
// returns 0 when there are not.
func nestedClose(s string, i, hi int) int {
	first, n := 0, 0
	for j := i; j < hi; j++ {
		if !markStart[s[j]] || s[j] == '\'' {
			continue
		}
		role, w := doubleMarkAt(s, j)
		switch role {
		case roleOpen, roleBoth:
			return 0
		case roleClose:
			if n++; n == 1 {
				first = j + w
			} else {
				return first
			}
		}
		j += max(w, 1) - 1
	}
	return 0
}
