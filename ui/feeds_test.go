package ui

import (
	"strings"
	"testing"
)

// Reading an article updates its feed's unread count in the feeds view.
func TestFeedUnreadCountFollowsReading(t *testing.T) {
	store := newStore(t, fixtureArticles(t))
	fixtureFeeds(t, store)
	d := newDriver(t, store, 80, 24)
	wire := func(want string) {
		t.Helper()
		d.keys("4")
		for _, l := range strings.Split(d.view(), "\n") {
			if strings.Contains(l, "Wire: world news") {
				if !strings.HasSuffix(strings.TrimSpace(strings.Trim(l, "┃ ")), want) {
					t.Fatalf("the Wire feed's row reads %q, want it to end %q", l, want)
				}
				return
			}
		}
		t.Fatalf("no Wire feed:\n%s", d.view())
	}
	wire("2 unread · 2 articles")
	d.keys("1", "m") // the envoy article, in the Wire feed, read
	wire("1 unread · 2 articles")
	d.keys("1", "j", "enter", "esc") // the markets article opened: read
	wire("Wire: world news                                                2 articles")
}
