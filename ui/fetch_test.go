package ui

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// r over 20 loopback feeds, one of them slow: the list keeps moving while
// the fetch runs, the status line shows progress then a summary, new
// articles arrive above the rows shown without moving the selected one,
// and the feeds view lists the feeds with their counts.
func TestFetchInBackground(t *testing.T) {
	const n, slow = 20, 7
	srv := newFeedServer(t, n, slow)
	store := newStore(t, fixtureArticles(t))
	fillStore(t, store, 0, 30)
	subscribe(t, store, srv.URL, n)
	d := newAsyncDriver(t, store, 80, 24)
	d.until("shows the list", shows("Envoy meets Syrian", "35 articles"))

	d.keys("j", "j", "j", "j", "j")
	row, line := selectedRow(d.m.View())
	if !strings.Contains(line, "Article 0029") {
		t.Fatalf("selected %q, want Article 0029:\n%s", line, d.m.View())
	}

	d.keys("r")
	d.until("shows progress", shows("fetching"))
	// Every feed but the slow one arrives; the list is still ours.
	d.until("fetches the fast feeds", shows("fetching 19/20 feeds · 38 new"))
	v := d.m.View()
	if r, l := selectedRow(v); r != row || l != line {
		t.Fatalf("selected row moved from %d %q to %d %q:\n%s", row, line, r, l, v)
	}
	d.until("counts the new rows", shows("38 new · g to see"))

	// The list responds to keys while the fetch runs.
	d.keys("j")
	if r, l := selectedRow(d.m.View()); r != row+2 || !strings.Contains(l, "Article 0028") {
		t.Fatalf("j during the fetch selected %d %q:\n%s", r, l, d.m.View())
	}
	d.keys("k")
	if r, l := selectedRow(d.m.View()); r != row || l != line {
		t.Fatalf("k during the fetch selected %d %q:\n%s", r, l, d.m.View())
	}
	d.keys("r")
	d.until("refuses a second fetch", shows("already fetching"))
	// The message does not hide the progress: both are on the status line.
	if v := d.m.View(); !regexp.MustCompile(`already fetching +fetching 19/20 feeds · 38 new`).MatchString(ansi.Strip(v)) {
		t.Fatalf("status line without the progress beside the message:\n%s", v)
	}
	if !d.m.fetch.running {
		t.Fatal("a second r stopped the fetch")
	}

	srv.release()
	d.until("sums up", shows("fetched 20 feeds · 40 new"))
	d.settle()
	if r, l := selectedRow(d.m.View()); r != row || l != line {
		t.Fatalf("selected row moved after the fetch to %d %q:\n%s", r, l, d.m.View())
	}
	d.contains("40 new · g to see", "75 articles")

	// g shows the new rows, newest first.
	d.keys("g")
	d.contains("Feed 19 story 1", "Feed 19 story 0", "Feed 18 story 1")
	d.lacks("g to see")
	if _, l := selectedRow(d.m.View()); !strings.Contains(l, "Feed 19 story 1") {
		t.Fatalf("g selected %q", l)
	}

	// The feeds view lists the 20 feeds with their counts.
	d.keys("4")
	d.until("lists the feeds", shows("Feeds · 20 subscriptions", "40 unread", "Loopback 00", "2 unread · 2 articles", "fetched just now"))
	feeds := d.m.feeds.Feeds()
	if len(feeds) != n {
		t.Fatalf("feeds view has %d feeds, want %d", len(feeds), n)
	}
	for _, f := range feeds {
		if f.Articles != 2 || f.Unread != 2 || f.LastError != "" {
			t.Errorf("feed %s: %d articles, %d unread, error %q", f.Title, f.Articles, f.Unread, f.LastError)
		}
	}
	// enter lists one feed's articles; esc goes back.
	d.keys("j", "enter")
	d.until("lists one feed", shows("Articles · Loopback 01", "Feed 01 story 1", "Feed 01 story 0"))
	d.lacks("Feed 02", "Envoy")
	d.keys("esc")
	d.until("goes back to the feeds", shows("Feeds · 20 subscriptions"))
	if d.m.focus != feedsPane || d.m.articles.Feed().ID != 0 {
		t.Fatalf("esc: focus %d, feed %d", d.m.focus, d.m.articles.Feed().ID)
	}
}

// At the top of the list the new rows show above the selected one.
func TestFetchAtTopShowsNewRows(t *testing.T) {
	srv := newFeedServer(t, 2, -1)
	store := newStore(t, fixtureArticles(t))
	subscribe(t, store, srv.URL, 2)
	d := newAsyncDriver(t, store, 80, 24)
	d.until("shows the list", shows("Envoy meets Syrian"))
	d.keys("r")
	d.until("sums up", shows("fetched 2 feeds · 4 new"))
	d.settle()
	d.contains("Feed 01 story 1", "Feed 00 story 0", "Envoy meets Syrian")
	d.lacks("g to see")
	if _, l := selectedRow(d.m.View()); !strings.Contains(l, "Envoy meets") {
		t.Fatalf("selection left the article it was on: %q", l)
	}
}

func TestFetchWithoutSubscriptions(t *testing.T) {
	d := newAsyncDriver(t, newStore(t, fixtureArticles(t)), 80, 24)
	d.keys("r")
	d.until("says how to subscribe", shows("No subscriptions: add one with `byline feeds add URL`"))
	if d.m.fetch.running {
		t.Fatal("still fetching")
	}
}

func TestFetchFailuresShowInStatusAndFeeds(t *testing.T) {
	srv := newFeedServer(t, 1, -1)
	store := newStore(t, fixtureArticles(t))
	subscribe(t, store, srv.URL, 1)
	for _, path := range []string{"/feed/broken", "/feed/404"} {
		if _, err := store.AddFeed(t.Context(), feedAt(srv.URL+path)); err != nil {
			t.Fatal(err)
		}
	}
	d := newAsyncDriver(t, store, 120, 40)
	d.keys("r")
	d.until("sums up", shows("fetched 3 feeds · 2 new · 2 feeds failed: see the feeds view (4)"))
	if !d.m.statusErr {
		t.Fatal("failures not shown as an error")
	}
	d.keys("4")
	d.until("shows the errors", shows("Feeds · 3 subscriptions", "error: ", "500"))
}

// Quitting cancels a fetch that is waiting on a slow server.
func TestQuitCancelsFetch(t *testing.T) {
	srv := newFeedServer(t, 1, 0)
	store := newStore(t, fixtureArticles(t))
	subscribe(t, store, srv.URL, 1)
	d := newAsyncDriver(t, store, 80, 24)
	d.keys("r")
	d.until("starts", shows("fetching 0/1 feeds"))
	d.keys("q")
	select {
	case <-d.m.fetch.done:
	case <-time.After(5 * time.Second):
		t.Fatal("the fetch went on after q")
	}
	d.until("quits", func(string) bool { return d.quit })
}

func (d *asyncDriver) contains(want ...string) {
	d.tb.Helper()
	if v := d.m.View(); !shows(want...)(v) {
		d.tb.Fatalf("view lacks one of %q:\n%s", want, v)
	}
}

func (d *asyncDriver) lacks(unwanted ...string) {
	d.tb.Helper()
	v := d.m.View()
	for _, w := range unwanted {
		if strings.Contains(v, w) {
			d.tb.Fatalf("view shows %q:\n%s", w, v)
		}
	}
}
