package common

import "testing"

func TestWebLink(t *testing.T) {
	for _, c := range []struct {
		link, want string
		ok         bool
	}{
		{"https://example.com/a?b=c", "https://example.com/a?b=c", true},
		{"HTTP://Example.com/", "http://Example.com/", true},
		{" https://example.com/a b ", "https://example.com/a%20b", true},
		{"file:///etc/passwd", "", false},
		{"/home/me/run.sh", "", false},
		{"-flag", "", false},
		{"--help https://example.com", "", false},
		{"javascript:alert(1)", "", false},
		{"smb://host/share", "", false},
		{"https:///nohost", "", false},
		{"https://user@evil.example/", "", false},
		{"https://example.com/\x1b[2J", "", false},
		{"", "", false},
	} {
		got, err := WebLink(c.link)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("WebLink(%q) = %q, %v; want %q, ok %v", c.link, got, err, c.want, c.ok)
		}
	}
}
