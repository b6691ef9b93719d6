package ui

import (
	"testing"
	"time"
)

// Search runs as you type, after a pause; q types a q; esc while typing
// puts back the search there was before.
func TestSearchAsYouType(t *testing.T) {
	d := newAsyncDriver(t, newStore(t, fixtureArticles(t)), 80, 24)
	d.until("shows the list", shows("Markets rally"))
	d.keys("/", "s", "h", "e", "l", "l")
	d.until("searches as it is typed", shows("/ shell", "Envoy meets Syrian", "[shelling]"))
	d.lacks("Markets rally")
	d.keys("enter") // opens the hit
	d.until("opens the hit", shows("# Envoy meets Syrian"))
	d.keys("esc")
	d.until("keeps the hits behind it", shows("“shell”: 1 hit"))

	// A new search replaces the hits when its own arrive; q is a letter.
	d.keys("/", "backspace", "backspace", "backspace", "backspace", "backspace")
	d.typeText("quick q")
	if d.quit {
		t.Fatal("q quit while typing a search")
	}
	d.until("searches again", shows("/ quick q", "No articles match."))
	d.keys("esc")
	d.until("restores the search before", shows("“shell”: 1 hit", "[shelling]"))
	d.keys("esc")
	d.until("clears it", shows("Markets rally"))
}

// Typing fast searches once: only the last edit's pause searches.
func TestSearchDebounceDropsStaleEdits(t *testing.T) {
	d := newAsyncDriver(t, newStore(t, fixtureArticles(t)), 80, 24)
	d.until("shows the list", shows("Markets rally"))
	d.keys("/")
	d.typeText("snow")
	seq := d.m.articles.SearchCount()
	time.Sleep(300 * time.Millisecond)
	d.settle()
	if got := d.m.articles.SearchCount() - seq; got != 1 {
		t.Fatalf("%d searches for one pause, want 1", got)
	}
	d.contains("Storm closes schools", "heavy [s") // the match, cut at the pane's edge
}

func (d *asyncDriver) typeText(s string) {
	for _, r := range s {
		d.keys(string(r))
	}
}
