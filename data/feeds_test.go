package data

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"
)

func TestFeedsAddListRemove(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	id, err := s.AddFeed(ctx, Feed{URL: " https://example.test/rss ", Title: "Harbour News", Tags: []string{"local", " Local", "news", ""}, FullText: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddFeed(ctx, Feed{URL: "https://example.test/rss"}); !errors.Is(err, ErrFeedExists) {
		t.Fatalf("second AddFeed: %v, want ErrFeedExists", err)
	}
	if _, err := s.AddFeed(ctx, Feed{URL: "https://example.test/atom", Tags: []string{"sport"}}); err != nil {
		t.Fatal(err)
	}
	f, err := s.FeedByURL(ctx, "https://example.test/rss")
	if err != nil {
		t.Fatal(err)
	}
	if f.ID != id || f.Title != "Harbour News" || !f.FullText || !slices.Equal(f.Tags, []string{"local", "news"}) {
		t.Fatalf("FeedByURL = %+v", f)
	}
	tagged, err := s.Feeds(ctx, "SPORT")
	if err != nil || len(tagged) != 1 || tagged[0].URL != "https://example.test/atom" {
		t.Fatalf("Feeds(sport) = %+v, %v", tagged, err)
	}

	// Articles linked to the feed count towards it; reading one lowers unread.
	batch := []Article{article(1), article(2), article(3)}
	if _, err := s.Insert(ctx, batch); err != nil {
		t.Fatal(err)
	}
	if err := s.LinkItems(ctx, id, []FeedItem{{Key: batch[0].Key, GUID: "g1"}, {Key: batch[1].Key}, {Key: batch[1].Key}, {Key: "url:absent"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetFlag(ctx, batch[0].ID, FlagRead, true); err != nil {
		t.Fatal(err)
	}
	now := time.Unix(time.Now().Unix(), 0).UTC()
	if err := s.UpdateFeedState(ctx, id, FeedState{Title: "ignored: the feed has a title", ETag: `"v1"`,
		LastModified: "Mon, 02 Mar 2026 10:00:00 GMT", LastFetch: now, LastError: "", LastItems: 2, LastNew: 2}); err != nil {
		t.Fatal(err)
	}
	f, _ = s.FeedByURL(ctx, "https://example.test/rss")
	if f.Articles != 2 || f.Unread != 1 || f.ETag != `"v1"` || !f.LastFetch.Equal(now) || f.Title != "Harbour News" || f.LastNew != 2 {
		t.Fatalf("after fetch: %+v", f)
	}
	// The counts are kept by triggers: they follow read and unread.
	s.SetFlag(ctx, batch[1].ID, FlagRead, true)
	s.SetFlag(ctx, batch[1].ID, FlagRead, true)
	if f, _ = s.FeedByURL(ctx, "https://example.test/rss"); f.Unread != 0 {
		t.Fatalf("unread after reading both = %d", f.Unread)
	}
	s.SetFlag(ctx, batch[0].ID, FlagRead, false)
	if f, _ = s.FeedByURL(ctx, "https://example.test/rss"); f.Unread != 1 || f.Articles != 2 {
		t.Fatalf("after marking one unread again: %+v", f)
	}
	items, err := s.List(ctx, ListQuery{FeedID: id, Limit: 10})
	if err != nil || len(items) != 2 || items[0].ID != batch[1].ID {
		t.Fatalf("FeedArticles = %+v, %v", items, err)
	}

	if err := s.RemoveFeed(ctx, "https://example.test/rss"); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveFeed(ctx, "https://example.test/rss"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("second RemoveFeed: %v", err)
	}
	c, _ := s.Counts(ctx)
	if c.Articles != 3 {
		t.Fatalf("removing a feed removed articles: %d left", c.Articles)
	}
	all, _ := s.Feeds(ctx, "")
	if len(all) != 1 {
		t.Fatalf("%d feeds left, want 1", len(all))
	}
}

func TestFeedTitleFilledFromFetch(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	id, _ := s.AddFeed(ctx, Feed{URL: "https://example.test/j"})
	if err := s.UpdateFeedState(ctx, id, FeedState{Title: "From the feed"}); err != nil {
		t.Fatal(err)
	}
	f, _ := s.FeedByURL(ctx, "https://example.test/j")
	if f.Title != "From the feed" {
		t.Fatalf("title %q", f.Title)
	}
}

// Tags are trimmed, spaces inside collapsed, empties and case-insensitive
// repeats dropped (the first spelling kept), and sorted without regard to
// case.
func TestNormaliseTags(t *testing.T) {
	got := NormaliseTags([]string{" World  news ", "local", "Local", "", "  ", "ART", "world news"})
	if want := []string{"ART", "local", "World news"}; !slices.Equal(got, want) {
		t.Errorf("NormaliseTags = %q, want %q", got, want)
	}
	if got := NormaliseTags(nil); len(got) != 0 {
		t.Errorf("NormaliseTags(nil) = %q", got)
	}
}

// UpdateFeedSettings changes a feed's title, tags and full-text setting,
// and nothing of another feed.
func TestUpdateFeedSettings(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	id, err := s.AddFeed(ctx, Feed{URL: "https://example.test/rss", Title: "Old", Tags: []string{"a"}, FullText: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddFeed(ctx, Feed{URL: "https://example.test/other", Title: "Other", Tags: []string{"x"}, FullText: true}); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateFeedSettings(ctx, id, "New title", []string{"Sport", " sport ", "news"}, false); err != nil {
		t.Fatal(err)
	}
	f, err := s.FeedByURL(ctx, "https://example.test/rss")
	if err != nil || f.Title != "New title" || f.FullText || !slices.Equal(f.Tags, []string{"news", "Sport"}) {
		t.Fatalf("after UpdateFeedSettings: %+v (%v)", f, err)
	}
	o, err := s.FeedByURL(ctx, "https://example.test/other")
	if err != nil || o.Title != "Other" || !o.FullText || !slices.Equal(o.Tags, []string{"x"}) {
		t.Fatalf("the other feed changed: %+v (%v)", o, err)
	}
}
