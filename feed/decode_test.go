package feed

import "testing"

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
