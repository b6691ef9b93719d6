package ui

import (
	"fmt"
	"strings"
	"testing"

	"byline/data"
)

// An imported article's link reaches the system opener only when it is an
// http or https address: a path, another scheme or a flag would be opened
// or run by xdg-open.
func TestOpenLinkOnlyWebAddresses(t *testing.T) {
	links := []string{"file:///etc/passwd/" + strings.Repeat("very/long/", 12), "/usr/bin/xterm", "-flag", "smb://host/share", "https://bank@evil.example/"}
	var arts []data.Article
	for i, l := range links {
		arts = append(arts, data.Article{Key: fmt.Sprint(i), Title: fmt.Sprintf("Link %d", i), Body: "Text.", URL: l, Published: day(10 - i)})
	}
	d := newDriver(t, newStore(t, arts), 80, 24)
	for i, l := range links {
		d.keys("g")
		for range i {
			d.keys("j")
		}
		d.keys("enter", "o")
		if len(d.opened) != 0 {
			t.Fatalf("%q was opened: %v", l, d.opened)
		}
		d.contains("Not opening the link: ")
		if i == 0 {
			// the reason stays on the line, a long link is what is cut
			d.contains("Not opening the link: a file: link, not http or https")
		}
		d.keys("esc")
	}
}

// The opener itself refuses what the pane would: no other caller can
// hand it a path or a flag.
func TestOpenerRefusesNonWebLinks(t *testing.T) {
	for _, l := range []string{"file:///etc/passwd", "-flag", "/bin/sh"} {
		if err := openURL(l); err == nil || !strings.Contains(err.Error(), "http") {
			t.Errorf("openURL(%q) = %v, want a refusal", l, err)
		}
	}
}
