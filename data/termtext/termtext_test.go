package termtext

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClean(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain text\nnext", "plain text\nnext"},
		{"café “quoted” £5", "café “quoted” £5"},
		{"red \x1b[31mtext\x1b[0m", "red text"},
		{"title \x1b]0;pwned\x07 after", "title  after"},
		{"title \x1b]2;pwned\x1b\\ after", "title  after"},
		{"move \x1b[10;10H cursor", "move  cursor"},
		{"clear \x1b[2J\x1bc", "clear "},
		{"8-bit \u009b31m csi", "8-bit  csi"},
		{"8-bit \u009d0;x\u009c osc", "8-bit  osc"},
		{"dcs \x1bPq#0;2;0;0;0\x1b\\ end", "dcs  end"},
		{"bell\x07 back\x08space\r\n", "bell backspace\n"},
		{"tab\there", "tab here"},
		{"evil \u202egnp.exe", "evil gnp.exe"},
		{"del\x7f", "del"},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"unterminated \x1b]0;title", "unterminated "},
		{"esc at end \x1b", "esc at end "},
	} {
		if got := Clean(tc.in); got != tc.want {
			t.Errorf("Clean(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"a\x1b[31mb", "\x1b]0;x\x07", "\u009b1m", "\u202e", "x\ty\r\n", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Clean(s)
		if !utf8.ValidString(out) {
			t.Fatalf("Clean(%q) is not valid UTF-8: %q", s, out)
		}
		for _, r := range out {
			if r < 0x20 && r != '\n' || r == 0x7f || (r >= 0x80 && r < 0xa0) || isBidiControl(r) {
				t.Fatalf("Clean(%q) kept control %U: %q", s, r, out)
			}
		}
		if strings.Contains(out, "\x1b") {
			t.Fatalf("ESC survived in %q", out)
		}
		if Clean(out) != out {
			t.Fatalf("Clean is not idempotent on %q", s)
		}
	})
}
