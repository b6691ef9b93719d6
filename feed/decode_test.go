package feed

import (
	"strings"
	"testing"
	"unicode/utf16"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
		cp   bool
	}{
		{"plain", []byte("hello\nworld"), "hello\nworld", false},
		{"bom", []byte("\xEF\xBB\xBFhello"), "hello", false},
		{"crlf", []byte("a\r\nb\r\n"), "a\nb\n", false},
		{"cr", []byte("a\rb\r"), "a\nb\n", false},
		{"utf8 pound", []byte("£5 “quoted”"), "£5 “quoted”", false},
		{"latin1 pound", []byte("a \xA315m fee"), "a £15m fee", true},
		{"cp1252 quotes", []byte("\x93Yes\x94 \x96 it\x92s"), "“Yes” – it’s", true},
		{"mixed keeps utf8", []byte("“x” \xA3"), "“x” £", true},
		{"cp1252 crlf", []byte("caf\xE9\r\n"), "café\n", true},
		{"utf16le", []byte("\xFF\xFEh\x00i\x00\r\x00\n\x00"), "hi\n", false},
		{"utf16be", []byte("\xFE\xFF\x00h\x00i"), "hi", false},
		{"empty", nil, "", false},
	}
	for _, tt := range tests {
		got, cp := Decode(tt.in)
		if got != tt.want || cp != tt.cp {
			t.Errorf("%s: Decode(%q) = %q, %v; want %q, %v", tt.name, tt.in, got, cp, tt.want, tt.cp)
		}
	}
}

func TestIsBinary(t *testing.T) {
	for in, want := range map[string]bool{
		"text\n":               false,
		"a\x00b":               true,
		"\x01\x02\x03\x04abcd": true,
		"\xFF\xFEa\x00":        false, // UTF-16
		"caf\xE9":              false,
	} {
		if got := isBinary([]byte(in)); got != want {
			t.Errorf("isBinary(%q) = %v", in, got)
		}
	}
}

// DecodeWithOffsets maps every byte of the text back to the file: through
// Windows-1252 bytes among valid UTF-8, and through UTF-16, surrogate pairs
// included.
func TestDecodeWithOffsets(t *testing.T) {
	utf16le := func(s string) []byte {
		b := []byte{0xFF, 0xFE}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return b
	}
	for _, tc := range []struct {
		name string
		raw  []byte
		text string
		// a piece of the text, and the file bytes it must map back to
		piece, back string
	}{
		{"valid UTF-8 is its own map", []byte("a “b”\r\n"), "a “b”\r\n", "", ""},
		{"a stray Latin-1 byte among UTF-8", []byte("caf\xe9 “ok”\r\n"), "café “ok”\r\n", "“ok”", "“ok”"},
		{"Windows-1252 quotes", []byte("\x93Yes,\x94 he said \x80"), "“Yes,” he said €", "“Yes,”", "\x93Yes,\x94"},
		{"UTF-16 with a surrogate pair", utf16le("“Go 😀,” she said"), "“Go 😀,” she said", "she", ""},
	} {
		text, offsets, _ := DecodeWithOffsets(tc.raw)
		if text != tc.text {
			t.Errorf("%s: text %q, want %q", tc.name, text, tc.text)
			continue
		}
		if offsets == nil {
			if tc.piece != "" {
				t.Errorf("%s: no offsets", tc.name)
			}
			continue
		}
		if len(offsets) != len(text)+1 || offsets[len(text)] != len(tc.raw) {
			t.Fatalf("%s: %d offsets for %d bytes of text, last %d", tc.name, len(offsets), len(text), offsets[len(offsets)-1])
		}
		i := strings.Index(text, tc.piece)
		start, end := offsets[i], offsets[i+len(tc.piece)]
		back := tc.back
		if tc.name == "UTF-16 with a surrogate pair" {
			back = string(utf16le(tc.piece)[2:])
		}
		if got := string(tc.raw[start:end]); got != back {
			t.Errorf("%s: %q maps back to %q, want %q", tc.name, tc.piece, got, back)
		}
	}
}
