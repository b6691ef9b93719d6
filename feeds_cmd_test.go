package main

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"byline/data"
	"byline/feed/fetch/fetchtest"
)

func feedsJSON(t *testing.T, store string) []feedJSON {
	t.Helper()
	out, stderr, code := runCLI(t, "--store", store, "feeds", "list", "--json")
	if code != exitOK {
		t.Fatalf("feeds list --json: exit %d: %s", code, stderr)
	}
	var feeds []feedJSON
	if err := json.Unmarshal([]byte(out), &feeds); err != nil {
		t.Fatalf("feeds list --json: %v\n%s", err, out)
	}
	sort.Slice(feeds, func(i, j int) bool { return feeds[i].URL < feeds[j].URL })
	return feeds
}

func TestFeedsImportFetchTwice(t *testing.T) {
	srv := fetchtest.NewServer(t)
	dir := t.TempDir()
	store := filepath.Join(dir, "s.db")
	opmlFile := writeFile(t, filepath.Join(dir, "subs.opml"), srv.OPML())

	out, stderr, code := runCLI(t, "--store", store, "feeds", "import", opmlFile)
	if code != exitOK || !strings.HasPrefix(out, "4 feeds added, 0 already subscribed") {
		t.Fatalf("feeds import: exit %d, %q %q", code, out, stderr)
	}
	out, stderr, code = runCLI(t, "--store", store, "fetch")
	if code != exitOK || !strings.HasPrefix(out, "6 new articles from 4 feeds: 4 read, 0 unchanged, 0 deferred, 0 failed") {
		t.Fatalf("fetch: exit %d, %q %q", code, out, stderr)
	}
	if stderr != "" {
		t.Errorf("fetch of good feeds reported %q", stderr)
	}
	feeds := feedsJSON(t, store)
	total := 0
	for _, f := range feeds {
		total += f.Articles
		if f.LastFetch == nil || f.LastError != "" || f.Unread != f.Articles {
			t.Errorf("feed %+v", f)
		}
	}
	if total != fetchtest.GoodItems {
		t.Errorf("feeds hold %d articles, want %d", total, fetchtest.GoodItems)
	}
	for _, f := range feeds {
		if strings.HasSuffix(f.URL, fetchtest.AtomPath) && !reflect.DeepEqual(f.Tags, []string{"Local", "News"}) {
			t.Errorf("atom feed tags %q", f.Tags)
		}
	}
	// Quotes of full-text articles are there, as for imported files.
	out, _, _ = runCLI(t, "--store", store, "quotes", "--json")
	for _, speaker := range []string{"Tomas Brandt", "Dana Whitfield", "Gloria Pennant", "Marta Lindqvist", "Alan Morrow"} {
		if !strings.Contains(out, speaker) {
			t.Errorf("no quote by %s", speaker)
		}
	}

	out, _, code = runCLI(t, "--store", store, "fetch")
	if code != exitOK || !strings.HasPrefix(out, "0 new articles from 4 feeds: 0 read, 4 unchanged") {
		t.Fatalf("second fetch: exit %d, %q", code, out)
	}
	for _, p := range []string{fetchtest.RSSPath, fetchtest.AtomPath, fetchtest.JSONPath, fetchtest.SummaryPath} {
		if srv.Count(srv.Conditional, p) != 1 || srv.Count(srv.NotModified, p) != 1 {
			t.Errorf("%s: %d conditional requests, %d answered 304", p, srv.Count(srv.Conditional, p), srv.Count(srv.NotModified, p))
		}
	}
}

func TestFeedsExportImportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "a.db")
	for _, args := range [][]string{
		{"feeds", "add", "https://gazette.example/rss?x=1&y=2", "--tag", "local", "--tag", "news", "--title", "Harbour <Gazette> & Co"},
		{"feeds", "add", "https://wire.example/atom", "--tag", "news", "--no-fulltext"},
		{"feeds", "add", "http://plain.example/feed.json"},
	} {
		if out, stderr, code := runCLI(t, append([]string{"--store", store}, args...)...); code != exitOK {
			t.Fatalf("%v: exit %d %q %q", args, code, out, stderr)
		}
	}
	if _, stderr, code := runCLI(t, "--store", store, "feeds", "add", "https://wire.example/atom"); code != exitFailure || !strings.Contains(stderr, "already subscribed") {
		t.Errorf("adding twice: exit %d %q", code, stderr)
	}
	exported, _, code := runCLI(t, "--store", store, "feeds", "export")
	if code != exitOK || !strings.Contains(exported, `<opml version="2.0">`) {
		t.Fatalf("export: exit %d\n%s", code, exported)
	}
	other := filepath.Join(dir, "b.db")
	file := writeFile(t, filepath.Join(dir, "out.opml"), exported)
	if out, _, code := runCLI(t, "--store", other, "feeds", "import", file); code != exitOK || !strings.HasPrefix(out, "3 feeds added") {
		t.Fatalf("import: exit %d %q", code, out)
	}
	before, after := feedsJSON(t, store), feedsJSON(t, other)
	// The untitled feed comes back titled with its URL (OPML needs a text).
	for i := range before {
		if before[i].Title == "" {
			before[i].Title = before[i].URL
		}
	}
	if !reflect.DeepEqual(before, after) {
		t.Errorf("round trip lost something:\n%+v\n%+v", before, after)
	}
	// Importing again adds nothing and loses nothing.
	if out, _, _ := runCLI(t, "--store", other, "feeds", "import", file); !strings.HasPrefix(out, "0 feeds added, 3 already subscribed") {
		t.Errorf("re-import: %q", out)
	}
	if again := feedsJSON(t, other); !reflect.DeepEqual(again, after) {
		t.Errorf("re-import changed the feeds:\n%+v", again)
	}
	if out, _, code := runCLI(t, "--store", other, "feeds", "remove", "https://wire.example/atom"); code != exitOK || !strings.Contains(out, "Unsubscribed") {
		t.Errorf("remove: %d %q", code, out)
	}
	if _, stderr, code := runCLI(t, "--store", other, "feeds", "remove", "https://wire.example/atom"); code != exitFailure || !strings.Contains(stderr, "not subscribed") {
		t.Errorf("remove twice: %d %q", code, stderr)
	}
}

func TestFeedsUsageErrors(t *testing.T) {
	store := filepath.Join(t.TempDir(), "s.db")
	for _, args := range [][]string{
		{"feeds", "add"},
		{"feeds", "add", "ftp://example.invalid/feed"},
		{"feeds", "add", "not a url"},
		{"feeds", "add", "https://a.example/", "https://b.example/"},
		{"feeds", "remove"},
		{"feeds", "import"},
		{"feeds", "list", "extra"},
		{"feeds"},
		{"feeds", "frobnicate"},
		{"feeds", "export", "extra"},
		{"fetch", "--timeout", "-1s"},
		{"fetch", "--tag"},
	} {
		_, stderr, code := runCLI(t, append([]string{"--store", store}, args...)...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d (%q)", args, code, exitUsage, stderr)
		}
	}
	for _, verb := range []string{"feeds", "fetch"} {
		if out, _, code := runCLI(t, verb, "--help"); code != exitOK || !strings.Contains(out, "Usage:") {
			t.Errorf("%s --help: exit %d", verb, code)
		}
	}
}

// TestFetchHostileServersCLI runs the hostile servers with good feeds
// through the command: good feeds stored, one line per bad feed naming it,
// no terminal escape printed, done within the timeouts.
func TestFetchHostileServersCLI(t *testing.T) {
	good := fetchtest.NewServer(t)
	bad := fetchtest.NewHostile(t)
	store := filepath.Join(t.TempDir(), "s.db")
	urls := []string{good.URLOf(fetchtest.RSSPath), good.URLOf(fetchtest.JSONPath)}
	for _, h := range fetchtest.HostileFeeds {
		urls = append(urls, bad.URL+h.Path)
	}
	for _, u := range urls {
		if _, stderr, code := runCLI(t, "--store", store, "feeds", "add", u); code != exitOK {
			t.Fatalf("add %s: %q", u, stderr)
		}
	}
	start := time.Now()
	out, stderr, code := runCLI(t, "--store", store, "fetch", "--timeout", "2s")
	// A hang detector, not a speed test: every request has a timeout of a
	// few seconds, at most two run at once against the one hostile host,
	// and -race on a loaded machine is slow; a fetch still running after
	// two minutes is stuck.
	if took := time.Since(start); took > 2*time.Minute {
		t.Errorf("fetch took %s: it hangs past its timeouts", took)
	}
	if code != exitFailure {
		t.Errorf("fetch with failing feeds: exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	for _, l := range lines {
		if !strings.HasPrefix(l, "byline: ") || strings.HasPrefix(l, "byline: error:") {
			t.Errorf("stderr line %q, want \"byline: message\"", l)
		}
	}
	for _, h := range fetchtest.HostileFeeds {
		if h.Error == "" {
			continue
		}
		found := 0
		for _, l := range lines {
			if strings.Contains(l, bad.URL+h.Path+":") && strings.Contains(l, h.Error) {
				found++
			}
		}
		if found != 1 {
			t.Errorf("%s: %d lines report it, want 1 saying %q:\n%s", h.Path, found, h.Error, stderr)
		}
	}
	if !strings.Contains(stderr, "deferred: "+bad.URL+"/rate-limited: HTTP 429") {
		t.Errorf("rate limit not reported:\n%s", stderr)
	}
	if !strings.Contains(stderr, "warning: "+bad.URL+"/many-items: the feed has 100000 items: kept the 1000 newest") {
		t.Errorf("item cap not reported:\n%s", stderr)
	}
	wantNew := 2 + 1 + 1000 + 1 + 1 // good RSS, good JSON, many items, escapes, duplicate GUIDs
	if !strings.Contains(out, plural(wantNew, "new article")+" from 14 feeds") || !strings.Contains(out, "1 deferred, 8 failed") {
		t.Errorf("summary %q", out)
	}
	list, _, _ := runCLI(t, "--store", store, "feeds", "list")
	titles, _, _ := runCLI(t, "--store", store, "list", "--limit", "5000")
	for name, s := range map[string]string{"fetch output": out + stderr, "feeds list": list, "list": titles} {
		if strings.ContainsAny(s, "\x1b\x07\u009b\u202e") {
			t.Errorf("%s carries terminal controls: %q", name, s)
		}
	}
	if !strings.Contains(list, "Evil Wire") || !strings.Contains(titles, "Harbour red alert") {
		t.Errorf("escaped feed not listed cleanly:\n%s", list)
	}
}

// OPML is text: 'feeds export' ends its output with one newline, with
// subscriptions and without.
func TestFeedsExportEndsWithNewline(t *testing.T) {
	store := filepath.Join(t.TempDir(), "s.db")
	s, err := data.Open(store) // a store with no subscriptions
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for i := range 2 {
		out, stderr, code := runCLI(t, "--store", store, "feeds", "export")
		if code != exitOK || !strings.HasSuffix(out, "</opml>\n") {
			t.Errorf("export of %d feeds: exit %d, ends %q (%s)", i, code, out[max(0, len(out)-20):], stderr)
		}
		if _, stderr, code := runCLI(t, "--store", store, "feeds", "add", "https://gazette.example/rss"); code != exitOK && i == 0 {
			t.Fatalf("feeds add: %s", stderr)
		}
	}
}
