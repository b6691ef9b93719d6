package fetch

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"byline/data"
	"byline/feed/fetch/fetchtest"
)

func openStore(t testing.TB) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "byline.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// testFetcher has short timeouts and a client that can only dial loopback:
// a fixture linking elsewhere fails the test instead of reaching out.
func testFetcher(t testing.TB, store *data.Store) *Fetcher {
	t.Helper()
	client := NewClient(time.Second, 2*time.Second)
	tr := client.Transport.(*http.Transport)
	dial := tr.DialContext
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, _, _ := net.SplitHostPort(addr)
		if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
			t.Errorf("the test tried to reach %s", addr)
			return nil, fmt.Errorf("test: %s is not loopback", addr)
		}
		return dial(ctx, network, addr)
	}
	return &Fetcher{Store: store, Client: client, Timeout: 2 * time.Second, ConnectTimeout: time.Second}
}

func subscribe(t testing.TB, store *data.Store, urls ...string) []data.Feed {
	t.Helper()
	ctx := context.Background()
	for _, u := range urls {
		if _, err := store.AddFeed(ctx, data.Feed{URL: u, FullText: true}); err != nil {
			t.Fatal(err)
		}
	}
	feeds, err := store.Feeds(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	return feeds
}

// articleByTitle finds a stored article by title.
func articleByTitle(t testing.TB, store *data.Store, title string) data.Article {
	t.Helper()
	ctx := context.Background()
	items, err := store.List(ctx, data.ListQuery{Limit: 10000})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if it.Title == title {
			a, err := store.Article(ctx, it.ID)
			if err != nil {
				t.Fatal(err)
			}
			return a
		}
	}
	t.Fatalf("no article titled %q", title)
	return data.Article{}
}

func TestFetchGoodFeedsThenConditional(t *testing.T) {
	ctx := context.Background()
	srv := fetchtest.NewServer(t)
	store := openStore(t)
	feeds := subscribe(t, store, srv.URLOf(fetchtest.RSSPath), srv.URLOf(fetchtest.AtomPath),
		srv.URLOf(fetchtest.JSONPath), srv.URLOf(fetchtest.SummaryPath))
	f := testFetcher(t, store)
	var results []FeedResult
	f.OnResult = func(r FeedResult) { results = append(results, r) }
	sum, err := f.FetchAll(ctx, feeds)
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != fetchtest.GoodItems || sum.Fetched != 4 || sum.Failed != 0 || len(results) != 4 {
		t.Fatalf("first fetch: %+v", sum)
	}
	for _, r := range sum.Results {
		if len(r.Warnings) > 0 || r.Err != nil {
			t.Errorf("%s: warnings %q, error %v", r.Feed.URL, r.Warnings, r.Err)
		}
	}
	if err := store.Verify(ctx); err != nil {
		t.Fatal(err)
	}
	if !srv.UserAgents[UserAgent] {
		t.Errorf("user agents seen %v, want %q", srv.UserAgents, UserAgent)
	}

	// RSS with content:encoded: paragraphs, quotes, author, date, links.
	pier := articleByTitle(t, store, "Pier to reopen in May")
	text, links := SplitLinks(pier.Body)
	if pier.Place != "PORT ELLIS" || !strings.HasPrefix(text, "The storm-damaged pier") ||
		!strings.Contains(text, "\n\n\"We will reopen the pier,\" said Tomas Brandt") || strings.Contains(text, "<p>") || strings.Contains(text, "&ndash;") {
		t.Errorf("pier body:\n%s", pier.Body)
	}
	if len(links) != 2 || links[0].URL != srv.URL+"/gazette/pier-plan" || !links[1].Image || links[1].URL != srv.URL+"/img/pier.jpg" {
		t.Errorf("pier links %+v", links)
	}
	if pier.Author != "Ines Calloway" || pier.Source != "Harbour Gazette" || pier.Published.IsZero() ||
		pier.Origin != srv.URL+"/gazette/pier" || pier.Key != "url:"+srv.URL+"/gazette/pier" {
		t.Errorf("pier fields: %+v", pier)
	}
	if !hasSpeaker(pier, "Tomas Brandt") {
		t.Errorf("pier quotes %+v", pier.Quotes)
	}
	raw, _ := store.Raw(ctx, pier.ID)
	if !strings.HasPrefix(string(raw), "<item>") || !strings.HasSuffix(string(raw), "</item>") {
		t.Errorf("pier raw is not the item's XML: %.80q", raw)
	}

	// Atom and JSON Feed.
	ferry := articleByTitle(t, store, "Ferry timetable & fares change")
	if ferry.Author != "Rafael Okonjo" || !hasSpeaker(ferry, "Marta Lindqvist") {
		t.Errorf("ferry: author %q quotes %+v", ferry.Author, ferry.Quotes)
	}
	school := articleByTitle(t, store, "New school opens on the hill")
	raw, _ = store.Raw(ctx, school.ID)
	if !strings.HasPrefix(string(raw), "{") || !strings.Contains(string(raw), `"json-1"`) || !hasSpeaker(school, "Alan Morrow") {
		t.Errorf("school: raw %.60q quotes %+v", raw, school.Quotes)
	}

	// Summary-only items got their page's main text, without the page's clutter.
	bridge := articleByTitle(t, store, "Bridge vote delayed")
	text, links = SplitLinks(bridge.Body)
	if !strings.Contains(text, "said Councillor Dana Whitfield") || strings.Contains(text, "Most read") ||
		strings.Contains(text, "tracking") || strings.Contains(text, "rights reserved") {
		t.Errorf("bridge body:\n%s", bridge.Body)
	}
	if !hasSpeaker(bridge, "Dana Whitfield") || len(links) == 0 {
		t.Errorf("bridge quotes %+v links %+v", bridge.Quotes, links)
	}
	market := articleByTitle(t, store, "Market hall to stay open")
	if !market.Published.IsZero() || !hasSpeaker(market, "Gloria Pennant") {
		t.Errorf("market (invalid date): published %v quotes %+v", market.Published, market.Quotes)
	}

	// Feeds know their articles and state.
	feeds, _ = store.Feeds(ctx, "")
	for _, fd := range feeds {
		if fd.Articles == 0 || fd.Unread != fd.Articles || fd.LastFetch.IsZero() || fd.LastError != "" || fd.Title == "" {
			t.Errorf("feed after fetch: %+v", fd)
		}
	}

	// Second fetch: conditional requests, 304s, nothing new, no page fetched again.
	pageRequests := srv.Count(srv.Requests, "/page/1")
	sum, err = f.FetchAll(ctx, feeds)
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 0 || sum.NotModified != 4 {
		t.Fatalf("second fetch: %+v", sum)
	}
	for _, p := range []string{fetchtest.RSSPath, fetchtest.AtomPath, fetchtest.JSONPath, fetchtest.SummaryPath} {
		if srv.Count(srv.Conditional, p) != 1 || srv.Count(srv.NotModified, p) != 1 {
			t.Errorf("%s: %d conditional requests, %d answered 304", p, srv.Count(srv.Conditional, p), srv.Count(srv.NotModified, p))
		}
	}
	if srv.Count(srv.Requests, "/page/1") != pageRequests {
		t.Error("a page was fetched again")
	}
	c, _ := store.Counts(ctx)
	if c.Articles != fetchtest.GoodItems {
		t.Errorf("%d articles after two fetches, want %d", c.Articles, fetchtest.GoodItems)
	}
}

func hasSpeaker(a data.Article, speaker string) bool {
	for _, q := range a.Quotes {
		if q.Speaker == speaker || strings.Contains(q.Source, speaker) {
			return true
		}
	}
	return false
}

func TestNoFullTextKeepsSummary(t *testing.T) {
	ctx := context.Background()
	srv := fetchtest.NewServer(t)
	store := openStore(t)
	if _, err := store.AddFeed(ctx, data.Feed{URL: srv.URLOf(fetchtest.SummaryPath), FullText: false}); err != nil {
		t.Fatal(err)
	}
	feeds, _ := store.Feeds(ctx, "")
	sum, err := testFetcher(t, store).FetchAll(ctx, feeds)
	if err != nil || sum.New != 2 {
		t.Fatalf("fetch: %+v, %v", sum, err)
	}
	if srv.Count(srv.Requests, "/page/1") != 0 {
		t.Error("a page was fetched for a --no-fulltext feed")
	}
	if b := articleByTitle(t, store, "Bridge vote delayed").Body; b != "The bridge vote was delayed." {
		t.Errorf("body %q", b)
	}
}

func TestFullTextFailureKeepsSummary(t *testing.T) {
	ctx := context.Background()
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>Gone</title>
<item><title>Missing page</title><link>%[1]s/missing</link><description>"Short," said Ada Brook.</description></item>
<item><title>Image page</title><link>%[1]s/image</link><description>Just a picture.</description></item>
</channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG"))
	})
	store := openStore(t)
	feeds := subscribe(t, store, srv.URL+"/feed")
	sum, err := testFetcher(t, store).FetchAll(ctx, feeds)
	if err != nil || sum.New != 2 || sum.Failed != 0 {
		t.Fatalf("%+v, %v", sum, err)
	}
	w := sum.Results[0].Warnings
	if len(w) != 2 || !strings.Contains(w[0]+w[1], "full text of "+srv.URL+"/missing: HTTP 404 Not Found; kept the summary") ||
		!strings.Contains(w[0]+w[1], "not HTML") {
		t.Errorf("warnings %q", w)
	}
	if a := articleByTitle(t, store, "Missing page"); a.Body != `"Short," said Ada Brook.` || !hasSpeaker(a, "Ada Brook") {
		t.Errorf("summary not kept: %+v", a)
	}
}

// A feed's new articles are those the store took: an article found missing
// that another fetch stored meanwhile is not counted again.
func TestNewCountsWhatTheStoreTook(t *testing.T) {
	ctx := context.Background()
	store := openStore(t)
	feeds := subscribe(t, store, "http://127.0.0.1:1/a.xml", "http://127.0.0.1:1/b.xml")
	f := testFetcher(t, store)
	a := data.Article{Key: "url:http://127.0.0.1:1/item", Title: "Pier reopens", Body: "The pier reopened."}
	b := data.Article{Key: "url:http://127.0.0.1:1/other", Title: "Ferry runs", Body: "The ferry ran."}
	// stored by another fetch after these outcomes found it missing
	if _, err := store.Insert(ctx, []data.Article{a}); err != nil {
		t.Fatal(err)
	}
	batch := []outcome{
		{result: FeedResult{Feed: feeds[0]}, articles: []data.Article{a, b}},
		{result: FeedResult{Feed: feeds[1]}, articles: []data.Article{b}},
	}
	if err := f.store(ctx, batch); err != nil {
		t.Fatal(err)
	}
	if batch[0].result.New != 1 || batch[1].result.New != 0 {
		t.Errorf("new: %d and %d, want 1 (the other article) and 0 (the first feed's)", batch[0].result.New, batch[1].result.New)
	}
}
