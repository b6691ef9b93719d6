package data

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

func TestListOneFeed(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	var arts []Article
	for i := range 10 {
		arts = append(arts, article(i))
	}
	if _, err := s.Insert(ctx, arts); err != nil {
		t.Fatal(err)
	}
	id, err := s.AddFeed(ctx, Feed{URL: "http://127.0.0.1/feed"})
	if err != nil {
		t.Fatal(err)
	}
	other, err := s.AddFeed(ctx, Feed{URL: "http://127.0.0.1/other"})
	if err != nil {
		t.Fatal(err)
	}
	// Even articles are the feed's, odd ones the other feed's.
	var mine, theirs []FeedItem
	for i := range 10 {
		it := FeedItem{Key: fmt.Sprintf("id:test-%d", i)}
		if i%2 == 0 {
			mine = append(mine, it)
		} else {
			theirs = append(theirs, it)
		}
	}
	if err := s.LinkItems(ctx, id, mine); err != nil {
		t.Fatal(err)
	}
	if err := s.LinkItems(ctx, other, theirs); err != nil {
		t.Fatal(err)
	}
	titles := func(items []ListItem) string {
		out := ""
		for _, it := range items {
			out += it.Title[len("Article "):]
		}
		return out
	}
	first, err := s.List(ctx, ListQuery{FeedID: id, Limit: 2})
	if err != nil || titles(first) != "86" {
		t.Fatalf("first page = %q, %v", titles(first), err)
	}
	next, err := s.List(ctx, ListQuery{FeedID: id, After: first[1].Cursor, Limit: 2})
	if err != nil || titles(next) != "42" {
		t.Fatalf("next page = %q, %v", titles(next), err)
	}
	last, err := s.List(ctx, ListQuery{FeedID: id, Last: true, Limit: 2})
	if err != nil || titles(last) != "20" {
		t.Fatalf("last page = %q, %v", titles(last), err)
	}
	before, err := s.List(ctx, ListQuery{FeedID: id, Before: last[0].Cursor, Limit: 2})
	if err != nil || titles(before) != "64" {
		t.Fatalf("page before = %q, %v", titles(before), err)
	}
	if err := s.SetFlag(ctx, first[0].ID, FlagRead, true); err != nil {
		t.Fatal(err)
	}
	unread, err := s.List(ctx, ListQuery{FeedID: id, Filter: Unread, Limit: 10})
	if err != nil || titles(unread) != "6420" {
		t.Fatalf("unread = %q, %v", titles(unread), err)
	}
}

func TestNeighbourStaysInItsFeed(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	arts := []Article{article(1), article(2), article(3)}
	if _, err := s.Insert(ctx, arts); err != nil {
		t.Fatal(err)
	}
	id, err := s.AddFeed(ctx, Feed{URL: "https://example.test/feed"})
	if err != nil {
		t.Fatal(err)
	}
	// The feed holds articles 1 and 3; 2 came from elsewhere.
	if err := s.LinkItems(ctx, id, []FeedItem{{Key: arts[0].Key}, {Key: arts[2].Key}}); err != nil {
		t.Fatal(err)
	}
	if next, _ := s.Neighbour(ctx, arts[2].ID, ListQuery{}, true); next != arts[1].ID {
		t.Fatalf("older than 3 in all articles = %d, want %d", next, arts[1].ID)
	}
	if next, _ := s.Neighbour(ctx, arts[2].ID, ListQuery{FeedID: id}, true); next != arts[0].ID {
		t.Fatalf("older than 3 in the feed = %d, want %d", next, arts[0].ID)
	}
}

// TestFeedListFollowsFlags: a feed's items carry their articles' flags
// (for its unread and starred lists), as linked and as changed later.
func TestFeedListFollowsFlags(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	var arts []Article
	for i := range 6 {
		arts = append(arts, article(i))
	}
	arts[1].Read = true
	arts[2].Starred = true
	if _, err := s.Insert(ctx, arts); err != nil {
		t.Fatal(err)
	}
	id, err := s.AddFeed(ctx, Feed{URL: "https://example.test/feed"})
	if err != nil {
		t.Fatal(err)
	}
	var items []FeedItem
	for _, a := range arts {
		items = append(items, FeedItem{Key: a.Key})
	}
	if err := s.LinkItems(ctx, id, items); err != nil {
		t.Fatal(err)
	}
	list := func(f Filter) string {
		t.Helper()
		page, err := s.List(ctx, ListQuery{FeedID: id, Filter: f, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		out := ""
		for _, it := range page {
			out += it.Title[len("Article "):]
		}
		return out
	}
	if u, st := list(Unread), list(Starred); u != "54320" || st != "2" {
		t.Fatalf("as linked: unread %q, starred %q; want 54320 and 2", u, st)
	}
	for _, f := range []struct {
		i    int
		flag Flag
		on   bool
	}{{4, FlagStarred, true}, {2, FlagStarred, false}, {5, FlagRead, true}, {1, FlagRead, false}} {
		if err := s.SetFlag(ctx, arts[f.i].ID, f.flag, f.on); err != nil {
			t.Fatal(err)
		}
	}
	if u, st := list(Unread), list(Starred); u != "43210" || st != "4" {
		t.Fatalf("after flags changed: unread %q, starred %q; want 43210 and 4", u, st)
	}
	if next, err := s.Neighbour(ctx, arts[4].ID, ListQuery{FeedID: id, Filter: Unread}, true); err != nil || next != arts[3].ID {
		t.Fatalf("older than 4 in the feed's unread = %d, %v; want %d", next, err, arts[3].ID)
	}
	if err := s.Verify(ctx); err != nil {
		t.Fatal(err)
	}
}

// Verify finds a feed item whose copy of its article's order and flags
// (migration 11) is out of step with the article.
func TestVerifyFeedItems(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	if _, err := s.Insert(ctx, []Article{article(1)}); err != nil {
		t.Fatal(err)
	}
	id, err := s.AddFeed(ctx, Feed{URL: "https://example.test/feed"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.LinkItems(ctx, id, []FeedItem{{Key: article(1).Key}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Verify(ctx); err != nil {
		t.Fatalf("Verify on a store with a feed: %v", err)
	}
	if _, err := s.db.Exec("UPDATE feed_items SET starred = 1 - starred"); err != nil {
		t.Fatal(err)
	}
	if err := s.Verify(ctx); err == nil || !strings.Contains(err.Error(), "feed items out of step") {
		t.Fatalf("Verify with a feed item out of step with its article: %v", err)
	}
}
