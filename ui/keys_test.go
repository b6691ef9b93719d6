package ui

// The help and the keys themselves.

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

func TestHelp(t *testing.T) {
	d := newDriver(t, newStore(t, fixtureArticles(t)), 160, 45)
	d.contains("enter open", "/ search text", "? more keys", "q quit")
	d.lacks("shift+tab")
	d.keys("?")
	d.contains("shift+tab previous pane", "oldest", "half page down", "u all/unread/starred", "articles", "quotes")
	d.keys("2")
	d.contains("next (older)", "open link")
	d.keys("?")
	d.lacks("shift+tab")
}

// TestFullHelpShowsEveryKey: on a screen too narrow for the full help's
// columns side by side, they go on in more bands; no key is cut.
func TestFullHelpShowsEveryKey(t *testing.T) {
	for _, size := range []struct{ w, h int }{{60, 20}, {61, 21}, {80, 24}, {120, 40}, {60, 40}} {
		d := newDriver(t, newStore(t, fixtureArticles(t)), size.w, size.h)
		for _, pane := range []string{"1", "2", "3", "4"} {
			d.keys(pane, "?")
			m := d.root()
			h := helpKeys{pane: m.pane(m.focus), global: m.keys}
			v := d.view()
			for _, group := range h.FullHelp() {
				for _, b := range group {
					if b.Enabled() && !showsKey(v, b.Help().Key, b.Help().Desc) {
						t.Errorf("%dx%d pane %s: the full help lacks %q %q:\n%s", size.w, size.h, pane, b.Help().Key, b.Help().Desc, v)
					}
				}
			}
			if !strings.Contains(v, "fewer keys") {
				t.Errorf("%dx%d pane %s: the full help does not say ? shows fewer keys", size.w, size.h, pane)
			}
			d.keys("?")
		}
	}
}

// TestFullHelpFollowsTyping: the full help of a pane that starts typing is
// shorter; the panes take the rows it leaves, and give them back after.
func TestFullHelpFollowsTyping(t *testing.T) {
	d := newDriver(t, newStore(t, fixtureArticles(t)), 80, 24)
	d.keys("?")
	before := d.root().boxes.help.H
	for _, k := range []string{"/", "esc"} {
		d.keys(k)
		m := d.root()
		if want := min(lipgloss.Height(m.helpView()), 24-minPanesHeight); m.boxes.help.H != want {
			t.Fatalf("after %q the help has %d rows, its text %d", k, m.boxes.help.H, want)
		}
	}
	if d.root().boxes.help.H != before {
		t.Fatalf("after esc the help has %d rows, had %d", d.root().boxes.help.H, before)
	}
}

// TestKeysThatArriveTogether: Bubble Tea reads keys that reach it in one
// write (a held key over ssh, a fast typist) as one message of several
// runes; each is a key press. A paste outside a text input is none.
func TestKeysThatArriveTogether(t *testing.T) {
	d := newDriver(t, newStore(t, fixtureArticles(t)), 80, 24)
	d.keys("jj")
	if got := d.selectedLine(); !strings.Contains(got, "Storm closes") {
		t.Fatalf(`after "jj" selected %q, want the third article`, got)
	}
	d.keys("/q1") // opens the search, then types into it
	if d.quit {
		t.Fatal("q quit while typing")
	}
	d.contains("/ q1")
	d.keys("esc")
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("kq"), Paste: true})
	if d.quit {
		t.Fatal("a pasted q quit")
	}
	if got := d.selectedLine(); !strings.Contains(got, "Storm closes") {
		t.Fatalf("a paste moved the selection to %q", got)
	}
}

// TestFeedErrorOnFocus: the selected feed's whole error shows as soon as
// the feeds pane gets the focus, not only after a key inside it (review).
func TestFeedErrorOnFocus(t *testing.T) {
	store := newStore(t, fixtureArticles(t))
	fixtureFeeds(t, store)
	d := newDriver(t, store, 70, 22)
	d.keys("4", "j") // the failing feed
	d.keys("1", "4")
	d.contains("Local paper: HTTP 503 Service Unavailable: try again later")
}

// TestSearchBarKeepsEnterAndEsc: while typing a search on a narrow screen
// the help bar keeps the keys that end it (review: they were cut).
func TestSearchBarKeepsEnterAndEsc(t *testing.T) {
	for _, pane := range []string{"1", "3"} {
		d := newDriver(t, newStore(t, fixtureArticles(t)), 60, 20)
		d.keys(pane, "/")
		lines := strings.Split(d.view(), "\n")
		bar := lines[len(lines)-1]
		if !strings.Contains(bar, "enter") || !strings.Contains(bar, "esc") {
			t.Errorf("pane %s: the help bar while typing is %q", pane, bar)
		}
	}
}
