package data

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestMigrationsFromVersionFour opens a store made by schema version 4, whose
// triggers counted every row and whose quotes had their own indexes, and
// goes on counting and finding quotes right without them.
func TestMigrationsFromVersionFour(t *testing.T) {
	s := openAtVersion(t, 4,
		"INSERT INTO articles(id, key, title, added, sort_time, quote_count) VALUES (1, 'id:old', 'Old', 1, 1, 1)",
		"INSERT INTO article_text(rowid, title, body) VALUES (1, 'Old', 'Old body.')",
		"INSERT INTO article_raw(article_id, raw) VALUES (1, x'00')",
		"INSERT INTO quotes(article_id, sort_time, text, content_start, content_end, kind) VALUES (1, 1, 'q', 0, 1, 'direct')",
	)
	ctx := context.Background()
	a := article(2)
	a.Quotes = []Quote{{Text: "a", Kind: Direct, Content: Span{0, 1}, CueSpan: NoSpan, SourceSpan: NoSpan}}
	if _, err := s.Insert(ctx, []Article{a}); err != nil {
		t.Fatal(err)
	}
	c, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := (Counts{Articles: 2, Unread: 2, Quotes: 2}); c != want {
		t.Errorf("counts = %+v, want %+v", c, want)
	}
	if err := s.Verify(ctx); err != nil {
		t.Error(err)
	}
	// Migration 8: a store of 4 KiB pages keeps full-text leaves that fit.
	var leaves int
	if err := s.db.QueryRow("SELECT count(*) FROM article_text_config WHERE k = 'pgsz'").Scan(&leaves); err != nil || leaves != 0 {
		t.Errorf("a store of 4 KiB pages got a leaf size of its own (%d rows, %v)", leaves, err)
	}
	// Migration 7: the old article's quote is found by its run of ids.
	if old, err := s.Article(ctx, 1); err != nil || len(old.Quotes) != 1 || old.Quotes[0].Text != "q" {
		t.Errorf("old article's quotes = %+v, %v", old.Quotes, err)
	}
	items, err := s.Quotes(ctx, QuoteQuery{Limit: 10})
	if err != nil || len(items) != 2 || items[0].Text != "a" || items[1].Text != "q" {
		t.Errorf("all quotes = %+v, %v; want the new one, then the old one", items, err)
	}
}

// TestMigrationPacksQuotes: a store of schema version 8, with a quotes
// table, opens with each article's quotes packed in text order, their ids
// and speakers as they were, and the table gone.
func TestMigrationPacksQuotes(t *testing.T) {
	// Article 1's quotes are ids 10-12, text order from the highest id
	// (as Insert stored them); article 2's is id 13.
	s := openAtVersion(t, 8,
		"INSERT INTO articles(id, key, title, added, sort_time, quote_count, first_quote) VALUES (1, 'a', 'One', 1, 100, 3, 10), (2, 'b', 'Two', 1, 200, 1, 13), (3, 'c', 'Three', 1, 300, 0, 0)",
		"INSERT INTO article_text(rowid, title, body) VALUES (1, 'One', 'aaaa bbbb cccc'), (2, 'Two', 'dddd'), (3, 'Three', 'eeee')",
		"INSERT INTO article_raw(article_id, raw) VALUES (1, x'00'), (2, x'00'), (3, x'00')",
		`INSERT INTO quotes(id, article_id, sort_time, text, content_start, content_end, kind, cue, cue_start, cue_end, source, source_start, source_end, speaker, role) VALUES
			(12, 1, 100, 'aaaa', 0, 4, 'direct', 'said', 5, 9, 'Ann', 1, 2, 'Ann Lee', 'mayor'),
			(11, 1, 100, 'bbbb', 5, 9, 'mixed', '', -1, -1, '', -1, -1, '', ''),
			(10, 1, 100, 'cccc', 10, 14, 'indirect', '', -1, -1, 'she', 3, 4, 'Ann Lee', ''),
			(13, 2, 200, 'dddd', 0, 4, 'direct', '', -1, -1, '', -1, -1, 'Bo Diaz', '')`,
		"INSERT INTO speaker_stats(name, quotes, articles) VALUES ('Ann Lee', 2, 1), ('Bo Diaz', 1, 1)",
		"UPDATE counters SET value = 4 WHERE name = 'quotes'",
		"UPDATE counters SET value = 3 WHERE name IN ('articles', 'unread')",
	)
	ctx := context.Background()
	if err := s.Verify(ctx); err != nil {
		t.Fatal(err)
	}
	a, err := s.Article(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, q := range a.Quotes {
		got = append(got, q.Text+" "+string(q.Kind)+" "+q.Speaker)
		if q.ArticleID != 1 {
			t.Errorf("quote %q has article %d", q.Text, q.ArticleID)
		}
	}
	if want := "aaaa direct Ann Lee|bbbb mixed |cccc indirect Ann Lee"; strings.Join(got, "|") != want {
		t.Errorf("article 1's quotes = %q, want %q", strings.Join(got, "|"), want)
	}
	if ids := []int64{a.Quotes[0].ID, a.Quotes[1].ID, a.Quotes[2].ID}; !reflect.DeepEqual(ids, []int64{12, 11, 10}) {
		t.Errorf("ids = %v, want their old ids 12 11 10", ids)
	}
	if q := a.Quotes[0]; q.Cue != "said" || q.CueSpan != (Span{5, 9}) || q.Source != "Ann" || q.SourceSpan != (Span{1, 2}) || q.Role != "mayor" {
		t.Errorf("first quote = %+v", q)
	}
	var tables int
	s.db.QueryRow("SELECT count(*) FROM sqlite_schema WHERE name = 'quotes'").Scan(&tables)
	if tables != 0 {
		t.Error("the quotes table is still there")
	}
	// The next quote takes the next id, and a speaker's quotes are found.
	b := article(4)
	b.Quotes = []Quote{{Text: "x", Kind: Direct, Content: Span{0, 1}, CueSpan: NoSpan, SourceSpan: NoSpan, Speaker: "Ann Lee"}}
	if _, err := s.Insert(ctx, []Article{b}); err != nil {
		t.Fatal(err)
	}
	if err := s.RefreshSpeakers(ctx, func([]string, []int) map[string]string { return nil }); err != nil {
		t.Fatal(err)
	}
	items, err := s.Quotes(ctx, QuoteQuery{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	got = got[:0]
	for _, it := range items {
		got = append(got, it.Text)
	}
	if want := "x dddd aaaa bbbb cccc"; strings.Join(got, " ") != want {
		t.Errorf("all quotes = %q, want %q", strings.Join(got, " "), want)
	}
	if items[0].ID != 14 {
		t.Errorf("the new quote's id = %d, want 14", items[0].ID)
	}
	if err := s.Verify(ctx); err != nil {
		t.Error(err)
	}
}

// openAtVersion makes a store of the given schema version, with the given
// rows, the way byline of that version made it, then opens it with this
// byline (which migrates it).
func openAtVersion(t *testing.T, version int, rows ...string) *Store {
	t.Helper()
	path := storeAtVersion(t, version, rows...)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// storeAtVersion makes the file of a store of the given schema version,
// with the given rows, the way byline of that version made it.
func storeAtVersion(t *testing.T, version int, rows ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "byline.db")
	old, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for v, m := range migrations[:version] {
		if _, err := old.Exec(m); err != nil {
			t.Fatalf("migration %d: %v", v+1, err)
		}
	}
	// WAL, as every store byline makes.
	for _, q := range append([]string{"PRAGMA journal_mode = WAL", fmt.Sprintf("PRAGMA user_version = %d", version)}, rows...) {
		if _, err := old.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	old.Close()
	return path
}

// TestMigrationPacksOddOldStores: quotes numbered first to last (as Insert
// did before it numbered them from the last) still come out in text
// order, and a quote that names another article than the run it sits in
// is left out with the counts taken again, so the store verifies.
func TestMigrationPacksOddOldStores(t *testing.T) {
	s := openAtVersion(t, 8,
		"INSERT INTO articles(id, key, title, added, sort_time, quote_count, first_quote) VALUES (1, 'a', 'One', 1, 100, 3, 1), (2, 'b', 'Two', 1, 200, 2, 4)",
		"INSERT INTO article_text(rowid, title, body) VALUES (1, 'One', 'aaaa bbbb cccc'), (2, 'Two', 'dddd eeee')",
		"INSERT INTO article_raw(article_id, raw) VALUES (1, x'00'), (2, x'00')",
		`INSERT INTO quotes(id, article_id, sort_time, text, content_start, content_end, kind, speaker) VALUES
			(1, 1, 100, 'aaaa', 0, 4, 'direct', 'Ann Lee'), (2, 1, 100, 'bbbb', 5, 9, 'direct', 'Ann Lee'),
			(3, 1, 100, 'cccc', 10, 14, 'direct', ''),
			(4, 2, 200, 'dddd', 0, 4, 'direct', 'Bo Diaz'), (5, 1, 200, 'stray', 5, 9, 'direct', 'Bo Diaz')`,
		"INSERT INTO speaker_stats(name, quotes, articles) VALUES ('Ann Lee', 2, 1), ('Bo Diaz', 2, 2)",
		"UPDATE counters SET value = 5 WHERE name = 'quotes'",
		"UPDATE counters SET value = 2 WHERE name IN ('articles', 'unread')",
	)
	ctx := context.Background()
	if err := s.Verify(ctx); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[int64]string{1: "aaaa bbbb cccc", 2: "dddd"} {
		a, err := s.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, q := range a.Quotes {
			got = append(got, q.Text)
		}
		if strings.Join(got, " ") != want {
			t.Errorf("article %d's quotes = %q, want %q", id, strings.Join(got, " "), want)
		}
	}
	if c, err := s.Counts(ctx); err != nil || c.Quotes != 4 {
		t.Errorf("counts = %+v, %v; want 4 quotes", c, err)
	}
}

// TestMigrationRefreshesSpeakers: a store whose speakers were merged by an
// older byline has them merged again at its next import or fetch, even
// with no new quote (migration 10).
func TestMigrationRefreshesSpeakers(t *testing.T) {
	// a version 9 store whose speakers are up to date with its 0 quotes
	s := openAtVersion(t, 9, "UPDATE counters SET value = 0 WHERE name = 'quotes_at_refresh'")
	called := false
	if err := s.RefreshSpeakers(context.Background(), func([]string, []int) map[string]string { called = true; return nil }); err != nil {
		t.Fatal(err)
	}
	if !called {
		t.Fatal("the upgraded store's speakers were not merged again")
	}
}

// TestMigrationOrdersFeedItems: a version 10 store's feed items get their
// articles' sort times and flags (migration 11), so its feeds list in
// order, filtered or not, and the store verifies.
func TestMigrationOrdersFeedItems(t *testing.T) {
	s := openAtVersion(t, 10,
		`INSERT INTO articles(id, key, title, added, sort_time, read, starred) VALUES
			(1, 'a', 'One', 1, 300, 0, 0), (2, 'b', 'Two', 1, 100, 1, 1), (3, 'c', 'Three', 1, 200, 0, 1), (4, 'd', 'Four', 1, 400, 0, 0)`,
		"INSERT INTO article_text(rowid, title, body) VALUES (1, 'One', 'x'), (2, 'Two', 'x'), (3, 'Three', 'x'), (4, 'Four', 'x')",
		"INSERT INTO article_raw(article_id, raw) VALUES (1, x'00'), (2, x'00'), (3, x'00'), (4, x'00')",
		"UPDATE counters SET value = 4 WHERE name = 'articles'",
		"UPDATE counters SET value = 3 WHERE name = 'unread'",
		"UPDATE counters SET value = 2 WHERE name = 'starred'",
		"INSERT INTO feeds(id, url, added) VALUES (1, 'http://127.0.0.1/feed', 1), (2, 'http://127.0.0.1/other', 1)",
		"INSERT INTO feed_items(feed_id, article_id) VALUES (1, 1), (1, 2), (1, 3), (2, 4)",
	)
	ctx := context.Background()
	if err := s.Verify(ctx); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		filter Filter
		want   string
	}{{All, "One Three Two"}, {Unread, "One Three"}, {Starred, "Three Two"}} {
		page, err := s.List(ctx, ListQuery{FeedID: 1, Filter: tc.filter, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, it := range page {
			got = append(got, it.Title)
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("feed 1, filter %d = %q, want %q", tc.filter, strings.Join(got, " "), tc.want)
		}
	}
}

// TestTwoOpensMigrateOnce: two processes open the same old store at once.
// Both read its schema version before either migrates; each migration is
// applied once (by whichever takes the write lock first) and both opens
// succeed, migration 9's Go code included (it drops the table it reads).
func TestTwoOpensMigrateOnce(t *testing.T) {
	path := storeAtVersion(t, 8,
		"INSERT INTO articles(id, key, title, added, sort_time, quote_count, first_quote) VALUES (1, 'a', 'One', 1, 100, 1, 1)",
		"INSERT INTO article_text(rowid, title, body) VALUES (1, 'One', 'aaaa')",
		"INSERT INTO article_raw(article_id, raw) VALUES (1, x'00')",
		"INSERT INTO quotes(id, article_id, sort_time, text, content_start, content_end, kind, speaker) VALUES (1, 1, 100, 'aaaa', 0, 4, 'direct', 'Ann Lee')",
		"INSERT INTO speaker_stats(name, quotes, articles) VALUES ('Ann Lee', 1, 1)",
		"UPDATE counters SET value = 1 WHERE name IN ('articles', 'unread', 'quotes')",
	)
	ctx := context.Background()
	var stores [2]*Store
	var versions [2]int
	for i := range stores {
		db, err := openDB(path)
		if err != nil {
			t.Fatal(err)
		}
		stores[i] = &Store{db: db, path: path}
		t.Cleanup(func() { stores[i].Close() })
		if err := db.QueryRow("PRAGMA user_version").Scan(&versions[i]); err != nil || versions[i] != 8 {
			t.Fatalf("store %d reads version %d (%v), want 8", i, versions[i], err)
		}
	}
	errs := make(chan error, len(stores))
	for i := range stores {
		go func() { errs <- stores[i].migrateFrom(ctx, versions[i]) }()
	}
	for range stores {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	for i, s := range stores {
		if err := s.Verify(ctx); err != nil {
			t.Errorf("store %d: %v", i, err)
		}
		if a, err := s.Article(ctx, 1); err != nil || len(a.Quotes) != 1 || a.Quotes[0].Text != "aaaa" {
			t.Errorf("store %d: article 1's quotes = %+v, %v", i, a.Quotes, err)
		}
	}
	// Opened by Open at once, as two byline processes do.
	for range 5 {
		path := storeAtVersion(t, 8)
		errs := make(chan error, 2)
		for range 2 {
			go func() {
				s, err := Open(path)
				if err == nil {
					err = s.Close()
				}
				errs <- err
			}()
		}
		for range 2 {
			if err := <-errs; err != nil {
				t.Error(err)
			}
		}
	}
}
