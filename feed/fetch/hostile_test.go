package fetch

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"byline/data"
	"byline/feed/fetch/fetchtest"
)

// TestHostileServersBesideGoodFeeds fetches every hostile case together
// with the good feeds: the good ones are stored, each bad one fails alone
// with a clear error, and nothing outlives the timeouts.
func TestHostileServersBesideGoodFeeds(t *testing.T) {
	ctx := context.Background()
	good := fetchtest.NewServer(t)
	bad := fetchtest.NewHostile(t)
	store := openStore(t)

	// Something already stored must survive the fetch.
	if _, err := store.Insert(ctx, []data.Article{{Key: "id:kept", Title: "Kept", Body: "Kept.", Raw: []byte("kept")}}); err != nil {
		t.Fatal(err)
	}
	urls := []string{good.URLOf(fetchtest.RSSPath), good.URLOf(fetchtest.SummaryPath)}
	for _, h := range fetchtest.HostileFeeds {
		urls = append(urls, bad.URL+h.Path)
	}
	feeds := subscribe(t, store, urls...)
	f := testFetcher(t, store)
	f.Timeout = 3 * time.Second // -race makes reading 16 MiB slow
	start := time.Now()
	sum, err := f.FetchAll(ctx, feeds)
	if err != nil {
		t.Fatal(err)
	}
	// A hang detector, not a speed test: every request has a timeout of a
	// few seconds, at most two run at once against the one hostile host,
	// and -race on a loaded machine is slow; a fetch still running after
	// two minutes is stuck.
	if took := time.Since(start); took > 2*time.Minute {
		t.Errorf("fetch took %s: it hangs past its timeouts", took)
	}
	byURL := map[string]FeedResult{}
	for _, r := range sum.Results {
		byURL[r.Feed.URL] = r
	}
	if len(byURL) != len(urls) {
		t.Fatalf("%d results for %d feeds", len(byURL), len(urls))
	}
	for _, h := range fetchtest.HostileFeeds {
		r := byURL[bad.URL+h.Path]
		switch {
		case h.Deferred:
			if r.Status != Deferred || r.RetryAfter.Before(start.Add(100*time.Second)) {
				t.Errorf("%s: %v until %v, want deferred ~2 minutes", h.Path, r.Status, r.RetryAfter)
			}
		case h.Error != "":
			if r.Status != Failed || r.Err == nil || !strings.Contains(r.Err.Error(), h.Error) {
				t.Errorf("%s: %v, %v; want failure saying %q", h.Path, r.Status, r.Err, h.Error)
			}
		default:
			if r.Status != Fetched || r.New == 0 {
				t.Errorf("%s: %v, %d new, %v", h.Path, r.Status, r.New, r.Err)
			}
		}
		if r.Err != nil && strings.ContainsAny(r.Err.Error(), "\x1b\n") {
			t.Errorf("%s: error %q carries control characters or lines", h.Path, r.Err)
		}
	}
	for _, u := range urls[:2] {
		if r := byURL[u]; r.Status != Fetched || r.New != 2 {
			t.Errorf("good feed %s: %v, %d new, %v", u, r.Status, r.New, r.Err)
		}
	}

	// 100,000 items: the 1000 newest kept, and said so.
	many := byURL[bad.URL+"/many-items"]
	if many.New != DefaultMaxItems || many.Items != fetchtest.ManyItems || len(many.Warnings) != 1 ||
		!strings.Contains(many.Warnings[0], "kept the 1000 newest") {
		t.Errorf("many items: %d new of %d, warnings %q", many.New, many.Items, many.Warnings)
	}
	newest := articleByTitle(t, store, "Item 99999")
	if newest.Source != "Firehose" {
		t.Errorf("newest item %+v", newest)
	}
	// Duplicate GUIDs: one article.
	if r := byURL[bad.URL+"/duplicate-guids"]; r.New != 1 {
		t.Errorf("duplicate GUIDs gave %d articles", r.New)
	}
	// Escapes: stored clean, quote still found, invalid date dropped.
	esc := articleByTitle(t, store, "Harbour red alert")
	for _, s := range []string{esc.Title, esc.Body, esc.Author, esc.Source} {
		if strings.ContainsAny(s, "\x1b\x07\u009b\u202e") {
			t.Errorf("stored text carries terminal controls: %q", s)
		}
	}
	if esc.Author != "Hidden Author" || esc.Source != "Evil Wire" || !esc.Published.IsZero() || !hasSpeaker(esc, "Tomas Brandt") {
		t.Errorf("escapes article: %+v", esc)
	}

	// Failures are recorded on the feed; what was stored stays.
	fd, err := store.FeedByURL(ctx, bad.URL+"/error-500")
	if err != nil || !strings.Contains(fd.LastError, "HTTP 500") || fd.LastFetch.IsZero() {
		t.Errorf("failed feed state: %+v, %v", fd, err)
	}
	if id, _ := store.Lookup(ctx, "id:kept"); id == 0 {
		t.Error("an article stored before the fetch is gone")
	}
	if err := store.Verify(ctx); err != nil {
		t.Fatal(err)
	}

	// The rate-limited feed is not asked again before its Retry-After.
	hits := bad.Hits("/rate-limited")
	rl, _ := store.FeedByURL(ctx, bad.URL+"/rate-limited")
	sum, err = f.FetchAll(ctx, []data.Feed{rl})
	if err != nil || sum.Deferred != 1 || bad.Hits("/rate-limited") != hits {
		t.Errorf("second fetch of a rate-limited feed: %+v, %v, %d requests", sum, err, bad.Hits("/rate-limited")-hits)
	}
}

func TestFeedURLMustBeHTTP(t *testing.T) {
	store := openStore(t)
	feeds := subscribe(t, store, "file:///etc/passwd", "ftp://example.invalid/feed")
	sum, err := testFetcher(t, store).FetchAll(context.Background(), feeds)
	if err != nil || sum.Failed != 2 {
		t.Fatalf("%+v, %v", sum, err)
	}
	for _, r := range sum.Results {
		if !errors.Is(r.Err, ErrBadScheme) {
			t.Errorf("%s: %v", r.Feed.URL, r.Err)
		}
	}
}

func TestCancelStopsPromptly(t *testing.T) {
	bad := fetchtest.NewHostile(t)
	store := openStore(t)
	feeds := subscribe(t, store, bad.URL+"/never", bad.URL+"/trickle")
	f := testFetcher(t, store)
	f.Timeout = time.Minute
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	sum, err := f.FetchAll(ctx, feeds)
	if !errors.Is(err, context.DeadlineExceeded) || sum.Failed != 2 {
		t.Errorf("cancelled fetch: %+v, %v", sum, err)
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("cancel took %s", took)
	}
}
