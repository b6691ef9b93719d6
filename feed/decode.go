package feed

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// Decode turns raw file bytes into text. It strips a byte order mark and
// turns CRLF and lone CR line ends into LF.
//
// Text that is valid UTF-8 is kept as is. Otherwise every byte that does not
// start a valid UTF-8 sequence is read as Windows-1252 (a superset of the
// printable Latin-1 range) and fromCP1252 is true, so the caller can warn.
// Valid UTF-8 sequences in such a file are kept: a mostly-UTF-8 file with one
// stray Latin-1 byte keeps its curly quotes.
//
// Text with a UTF-16 byte order mark (LE or BE) is decoded as UTF-16; that is
// not reported, since the mark makes it unambiguous.
func Decode(raw []byte) (text string, fromCP1252 bool) {
	raw = bytes.TrimPrefix(raw, bomUTF8)
	if utf8.Valid(raw) {
		return normaliseNewlines(string(raw)), false
	}
	text, _ = decode(raw, false)
	return normaliseNewlines(text), !isUTF16(raw)
}

// DecodeWithOffsets decodes raw as Decode does but keeps line ends and a
// UTF-8 byte order mark, for tools that report positions in the file as
// read. offsets[i] is the offset in raw of the character holding byte i of
// text, and offsets[len(text)] is len(raw); offsets is nil when text is raw
// itself (valid UTF-8), every offset its own. fromCP1252 is as for Decode.
func DecodeWithOffsets(raw []byte) (text string, offsets []int, fromCP1252 bool) {
	if utf8.Valid(raw) {
		return string(raw), nil, false
	}
	text, offsets = decode(raw, true)
	return text, offsets, !isUTF16(raw)
}

func isUTF16(raw []byte) bool {
	return bytes.HasPrefix(raw, bomUTF16LE) || bytes.HasPrefix(raw, bomUTF16BE)
}

// decode decodes raw, which is not valid UTF-8: as UTF-16 after its byte
// order mark, else keeping valid UTF-8 sequences and reading every other
// byte as Windows-1252. With withOffsets it also gives each byte of the
// text the offset in raw of its character (see DecodeWithOffsets).
func decode(raw []byte, withOffsets bool) (string, []int) {
	var b strings.Builder
	b.Grow(len(raw) + len(raw)/8)
	var offsets []int
	if withOffsets {
		offsets = make([]int, 0, len(raw)+len(raw)/8+1)
	}
	add := func(r rune, at int) {
		n, _ := b.WriteRune(r) // an invalid rune is written as U+FFFD
		if withOffsets {
			for range n {
				offsets = append(offsets, at)
			}
		}
	}
	if isUTF16(raw) {
		big := raw[0] == bomUTF16BE[0]
		unit := func(i int) rune {
			if big {
				return rune(raw[i])<<8 | rune(raw[i+1])
			}
			return rune(raw[i+1])<<8 | rune(raw[i])
		}
		for i := 2; i+1 < len(raw); {
			r := unit(i)
			if utf16.IsSurrogate(r) && i+3 < len(raw) {
				if pair := utf16.DecodeRune(r, unit(i+2)); pair != utf8.RuneError {
					add(pair, i)
					i += 4
					continue
				}
			}
			add(r, i)
			i += 2
		}
	} else {
		for i := 0; i < len(raw); {
			r, size := utf8.DecodeRune(raw[i:])
			if r == utf8.RuneError && size <= 1 {
				r = charmap.Windows1252.DecodeByte(raw[i])
			}
			add(r, i)
			i += size
		}
	}
	if withOffsets {
		offsets = append(offsets, len(raw))
	}
	return b.String(), offsets
}

// normaliseNewlines turns CRLF and lone CR into LF.
func normaliseNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// sniffSize is how much of a file isBinary looks at for control bytes.
const sniffSize = 8 << 10

// isBinary reports whether raw looks like something other than text: it has
// a NUL byte (and no UTF-16 byte order mark), or more than 10% of its first
// 8 KB are control bytes other than tab, newline, carriage return, form feed.
func isBinary(raw []byte) bool {
	if isUTF16(raw) {
		return false
	}
	if bytes.IndexByte(raw, 0) >= 0 {
		return true
	}
	head := raw[:min(len(raw), sniffSize)]
	ctl := 0
	for _, c := range head {
		switch {
		case c == '\t' || c == '\n' || c == '\r' || c == '\f':
		case c < 0x20 || c == 0x7F:
			ctl++
		}
	}
	return ctl*10 > len(head)
}
