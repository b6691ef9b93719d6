package data

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "byline.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func article(i int) Article {
	return Article{
		Key:       fmt.Sprintf("id:test-%d", i),
		Title:     fmt.Sprintf("Article %d", i),
		Body:      fmt.Sprintf("Body of article %d.\n\nSecond paragraph.", i),
		Raw:       []byte(fmt.Sprintf("raw %d", i)),
		Published: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour),
		Origin:    fmt.Sprintf("test/%d.txt", i),
	}
}

func TestOpenMigratesAndReopens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "byline.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	var v int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	if v != SchemaVersion() {
		t.Fatalf("user_version = %d, want %d", v, SchemaVersion())
	}
	var mode string
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("journal_mode = %q (%v), want wal", mode, err)
	}
	if _, err := s.Insert(context.Background(), []Article{article(1)}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	c, err := s.Counts(context.Background())
	if err != nil || c.Articles != 1 || c.Unread != 1 {
		t.Fatalf("counts after reopen = %+v, %v", c, err)
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "byline.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()+1)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(path); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Fatalf("Open of a newer schema: err = %v, want one saying it is newer", err)
	}
}

func TestInsertDeduplicatesAndKeepsEverything(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	a := article(1)
	a.Quotes = []Quote{{Text: "Body", Content: Span{0, 4}, Kind: Direct, Cue: "said", CueSpan: Span{5, 9},
		Source: "he", SourceSpan: NoSpan, Speaker: "Moaz Alkhatib", Role: "leader"}}
	st, err := s.Insert(ctx, []Article{a, article(2)})
	if err != nil {
		t.Fatal(err)
	}
	if st[0] != Inserted || st[1] != Inserted {
		t.Fatalf("status = %v", st)
	}
	st, err = s.Insert(ctx, []Article{a, article(3)})
	if err != nil {
		t.Fatal(err)
	}
	if st[0] != Duplicate || st[1] != Inserted {
		t.Fatalf("second insert status = %v, want [Duplicate Inserted]", st)
	}
	c, _ := s.Counts(ctx)
	if c.Articles != 3 || c.Quotes != 1 {
		t.Fatalf("counts = %+v, want 3 articles 1 quote", c)
	}
	id, err := s.Lookup(ctx, a.Key)
	if err != nil || id == 0 {
		t.Fatalf("Lookup = %d, %v", id, err)
	}
	got, err := s.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Body != a.Body || got.Title != a.Title || !got.Published.Equal(a.Published) {
		t.Fatalf("article round trip: got %+v", got)
	}
	if len(got.Quotes) != 1 || got.Quotes[0].Speaker != "Moaz Alkhatib" || got.Quotes[0].SourceSpan != NoSpan || got.Quotes[0].Kind != Direct {
		t.Fatalf("quotes round trip: %+v", got.Quotes)
	}
	raw, err := s.Raw(ctx, id)
	if err != nil || string(raw) != "raw 1" {
		t.Fatalf("raw = %q, %v", raw, err)
	}
	if _, err := s.Article(ctx, 999); err == nil {
		t.Fatal("Article(999) on a missing id: want an error")
	}
}

func TestListKeysetPaging(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	var batch []Article
	for i := 0; i < 25; i++ {
		batch = append(batch, article(i))
	}
	if _, err := s.Insert(ctx, batch); err != nil {
		t.Fatal(err)
	}
	var titles []string
	var after Cursor
	for {
		page, err := s.List(ctx, ListQuery{After: after, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		for _, it := range page {
			titles = append(titles, it.Title)
		}
		after = page[len(page)-1].Cursor
	}
	if len(titles) != 25 || titles[0] != "Article 24" || titles[24] != "Article 0" {
		t.Fatalf("paged titles = %v", titles)
	}
	last, err := s.List(ctx, ListQuery{Last: true, Limit: 3})
	if err != nil || len(last) != 3 || last[0].Title != "Article 2" || last[2].Title != "Article 0" {
		t.Fatalf("last page = %v, %v", last, err)
	}
	before, err := s.List(ctx, ListQuery{Before: last[0].Cursor, Limit: 2})
	if err != nil || len(before) != 2 || before[0].Title != "Article 4" || before[1].Title != "Article 3" {
		t.Fatalf("page before = %v, %v", before, err)
	}
	// Filters: read and starred.
	setFlags(t, s, last[0].ID, true, false)
	setFlags(t, s, last[1].ID, false, true)
	unread, _ := s.List(ctx, ListQuery{Filter: Unread, Limit: 100})
	starred, _ := s.List(ctx, ListQuery{Filter: Starred, Limit: 100})
	if len(unread) != 24 || len(starred) != 1 || starred[0].ID != last[1].ID {
		t.Fatalf("unread %d, starred %v", len(unread), starred)
	}
	c, _ := s.Counts(ctx)
	if c.Unread != 24 || c.Starred != 1 {
		t.Fatalf("counts = %+v", c)
	}
	next, err := s.Neighbour(ctx, last[1].ID, ListQuery{}, true)
	if err != nil || next != last[2].ID {
		t.Fatalf("Neighbour older = %d, %v; want %d", next, err, last[2].ID)
	}
	if end, _ := s.Neighbour(ctx, last[2].ID, ListQuery{}, true); end != 0 {
		t.Fatalf("Neighbour past the end = %d, want 0", end)
	}
}

func TestListUsesIndex(t *testing.T) {
	s := openTemp(t)
	p := strings.Join(queryPlan(t, s, "SELECT id FROM articles WHERE (sort_time, id) < (1, 1) ORDER BY sort_time DESC, id DESC LIMIT 10"), "; ")
	if !strings.Contains(p, "articles_order") || strings.Contains(p, "TEMP B-TREE") {
		t.Fatalf("list plan does not page through the index: %s", p)
	}
}

// queryPlan is the steps of SQLite's plan for query, one per line of
// EXPLAIN QUERY PLAN.
func queryPlan(t *testing.T, s *Store, query string, args ...any) []string {
	t.Helper()
	rows, err := s.db.Query("EXPLAIN QUERY PLAN "+query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	return plan
}

func TestSearchRanksTitleFirst(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	a, b := article(1), article(2)
	a.Title, a.Body = "Pay talks stall", "Unions want maternity leave and more pay."
	b.Title, b.Body = "Labour plans maternity pay rise", "Maternity pay will rise, ministers said."
	if _, err := s.Insert(ctx, []Article{a, b}); err != nil {
		t.Fatal(err)
	}
	hits, err := s.Search(ctx, "maternity pay", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 || hits[0].Title != b.Title {
		t.Fatalf("hits = %+v", hits)
	}
	if !strings.Contains(hits[0].Snippet, MatchStart) {
		t.Fatalf("snippet has no match marker: %q", hits[0].Snippet)
	}
	for _, q := range []string{`"unclosed`, `AND OR NOT`, `(`, `*`, `matern*`, `col:x`} {
		if _, err := s.Search(ctx, q, 10); err != nil {
			t.Errorf("Search(%q): %v", q, err)
		}
	}
	if hits, _ := s.Search(ctx, "matern*", 10); len(hits) != 2 {
		t.Fatalf("prefix search found %d, want 2", len(hits))
	}
}

func TestFTSQuery(t *testing.T) {
	for in, want := range map[string]string{
		"maternity pay":      `"maternity" "pay"`,
		`"maternity pay" uk`: `"maternity pay" "uk"`,
		"feltm*":             `"feltm"*`,
		"AND (":              `"AND"`,
		"   ":                ``,
		`al-Assad`:           `"al" "Assad"`,
	} {
		if got := FTSQuery(in); got != want {
			t.Errorf("FTSQuery(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestVerify(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	if _, err := s.Insert(ctx, []Article{article(1), article(2)}); err != nil {
		t.Fatal(err)
	}
	if err := s.Verify(ctx); err != nil {
		t.Fatalf("Verify on a whole store: %v", err)
	}
	if _, err := s.db.Exec("DELETE FROM article_raw WHERE article_id = (SELECT min(id) FROM articles)"); err != nil {
		t.Fatal(err)
	}
	if err := s.Verify(ctx); err == nil || !strings.Contains(err.Error(), "raw") {
		t.Fatalf("Verify with an article missing its raw bytes: %v", err)
	}

}

// TestInsertCountsWhatItStores: Insert keeps the counters itself (no
// trigger per row), so it must count only what it inserted.
func TestInsertCountsWhatItStores(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "byline.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	read, starred, quoted := article(1), article(2), article(3)
	read.Read = true
	starred.Starred = true
	quoted.Quotes = []Quote{{Text: "a", Kind: Direct, Content: Span{0, 1}, CueSpan: NoSpan, SourceSpan: NoSpan},
		{Text: "b", Kind: Direct, Content: Span{2, 3}, CueSpan: NoSpan, SourceSpan: NoSpan}}
	if _, err := s.Insert(ctx, []Article{read, starred, quoted, quoted}); err != nil { // the last a duplicate
		t.Fatal(err)
	}
	if _, err := s.Insert(ctx, []Article{quoted, article(4)}); err != nil { // one duplicate, one new
		t.Fatal(err)
	}
	c, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := (Counts{Articles: 4, Unread: 3, Starred: 1, Quotes: 2}); c != want {
		t.Errorf("counts = %+v, want %+v", c, want)
	}
	if err := s.Verify(ctx); err != nil {
		t.Error(err)
	}
}

func TestNewStoreHasBigPages(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "byline.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var size int
	if err := s.db.QueryRow("PRAGMA page_size").Scan(&size); err != nil || size != pageSize {
		t.Errorf("page_size = %d (%v), want %d", size, err, pageSize)
	}
	// and the full-text index's leaves are sized for them
	var leaf int
	if err := s.db.QueryRow("SELECT v FROM article_text_config WHERE k = 'pgsz'").Scan(&leaf); err != nil || leaf != 16000 {
		t.Errorf("full-text leaf size = %d (%v), want 16000", leaf, err)
	}
}

// TestRawBytesRoundTrip: raw bytes come back exactly as given, whether they
// are stored as they are or rebuilt from the title and text.
func TestRawBytesRoundTrip(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "byline.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	cases := []struct {
		raw    string
		layout rawLayout
	}{
		{"Title\n\nFirst.\n\nSecond.", rawTitleText},
		{"Title\n\nFirst.\n\nSecond.\n", rawTitleTextNewline},
		{"Title\r\n\r\nFirst.\r\n\r\nSecond.\r\n", rawAsIs},
		{"Title\n\nFirst.\n\nSecond.\n\n", rawAsIs},
		{"\ufeffTitle\n\nFirst.\n\nSecond.", rawAsIs},
		{"Title\n\nFirst.", rawAsIs}, // shorter than title and text
		{"", rawAsIs},
	}
	for i, c := range cases {
		a := article(i)
		a.Title, a.Body, a.Raw = "Title", "First.\n\nSecond.", []byte(c.raw)
		if got := rawLayoutOf(&a); got != c.layout {
			t.Errorf("rawLayoutOf(%q) = %d, want %d", c.raw, got, c.layout)
		}
		batch := []Article{a}
		if _, err := s.Insert(ctx, batch); err != nil {
			t.Fatal(err)
		}
		raw, err := s.Raw(ctx, batch[0].ID)
		if err != nil || string(raw) != c.raw {
			t.Errorf("Raw of %q = %q, %v", c.raw, raw, err)
		}
	}
	var stored int
	if err := s.db.QueryRow("SELECT sum(length(raw)) FROM article_raw WHERE layout != 0").Scan(&stored); err != nil || stored != 0 {
		t.Errorf("rebuilt raw bytes also stored: %d bytes (%v)", stored, err)
	}
}

// TestInsertRefusesQuotesNoReaderCouldShow: a quote of no known kind, or
// whose span is not inside the text, fails the batch with a message naming
// the article, and nothing of the batch is stored.
func TestInsertRefusesQuotesNoReaderCouldShow(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	for _, q := range []Quote{
		{Text: "a", Kind: "bogus", Content: Span{0, 1}, CueSpan: NoSpan, SourceSpan: NoSpan},
		{Text: "a", Kind: Direct, Content: Span{5, 1}, CueSpan: NoSpan, SourceSpan: NoSpan},
		{Text: "a", Kind: Direct, Content: Span{0, 10_000}, CueSpan: NoSpan, SourceSpan: NoSpan},
	} {
		a := article(1)
		a.Quotes = []Quote{q}
		_, err := s.Insert(ctx, []Article{article(2), a})
		if err == nil || !strings.Contains(err.Error(), a.Origin) {
			t.Errorf("Insert of quote %+v: %v, want an error naming %s", q, err, a.Origin)
		}
	}
	if c, _ := s.Counts(ctx); c.Articles != 0 {
		t.Errorf("%d articles stored from refused batches", c.Articles)
	}
}

// TestWritesGoOnAfterAFailedBatch: a batch that fails mid-transaction
// leaves no transaction open on the write connection: another writer is not
// kept waiting for the busy timeout, and the next batch is stored.
func TestWritesGoOnAfterAFailedBatch(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if _, err := s.Insert(ctx, []Article{article(1)}); err != nil {
		t.Fatal(err)
	}
	id := int64(0)
	if items, err := s.List(ctx, ListQuery{Limit: 1}); err != nil || len(items) != 1 {
		t.Fatalf("list after first insert: %v, %v", items, err)
	} else {
		id = items[0].ID
	}
	bad := article(2)
	bad.Quotes = []Quote{{Text: "a", Kind: "bogus", Content: Span{0, 1}, CueSpan: NoSpan, SourceSpan: NoSpan}}
	// The refusal comes after the batch's key lookup, inside the transaction.
	if _, err := s.Insert(ctx, []Article{article(3), bad}); err == nil {
		t.Fatal("a batch with a bogus quote was stored")
	}
	if err := s.SetFlag(ctx, id, FlagRead, true); err != nil {
		t.Fatalf("another writer after the failed batch: %v", err)
	}
	st, err := s.Insert(ctx, []Article{article(3), article(4)})
	if err != nil || st[0] != Inserted || st[1] != Inserted {
		t.Fatalf("the batch after the failed one: %v, %v", st, err)
	}
	if c, _ := s.Counts(ctx); c.Articles != 3 || c.Unread != 2 {
		t.Errorf("counts %+v, want 3 articles, 2 unread", c)
	}
}

// TestStoredAsksManyKeys: Stored answers for many keys at once, whatever
// characters they hold (even bytes that are not UTF-8), and Insert finds
// the same keys already stored.
func TestStoredAsksManyKeys(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	var batch []Article
	var keys []string
	for i := range 501 {
		keys = append(keys, fmt.Sprintf("id:test-%d", i))
		if i%3 == 1 {
			keys[i] += ` "quoted" \ back, café, 🙂`
		}
		if i%50 == 8 {
			keys[i] += "\xff\xfe not UTF-8"
		}
		if i%2 == 0 {
			a := article(i)
			a.Key = keys[i]
			batch = append(batch, a)
		}
	}
	if _, err := s.Insert(ctx, batch); err != nil {
		t.Fatal(err)
	}
	got, err := s.Stored(ctx, keys)
	if err != nil {
		t.Fatal(err)
	}
	for i, k := range keys {
		if got[k] != (i%2 == 0) {
			t.Errorf("Stored[%s] = %v, want %v", k, got[k], i%2 == 0)
		}
	}
	status, err := s.Insert(ctx, batch[:3])
	if err != nil || status[0] != Duplicate || status[1] != Duplicate || status[2] != Duplicate {
		t.Errorf("inserting stored articles again = %v, %v; want three duplicates", status, err)
	}
}

// setFlags sets both of an article's flags.
func setFlags(t *testing.T, s *Store, id int64, read, starred bool) {
	t.Helper()
	for _, f := range []struct {
		flag Flag
		on   bool
	}{{FlagRead, read}, {FlagStarred, starred}} {
		if err := s.SetFlag(context.Background(), id, f.flag, f.on); err != nil {
			t.Fatal(err)
		}
	}
}

// SetFlag writes one flag and leaves the other, so two changes cannot undo
// each other in either order (the star first, then read: "m" and "s"
// arriving out of order), and the counts follow.
func TestSetFlagLeavesTheOtherAndCounts(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	batch := []Article{article(1), article(2)}
	if _, err := s.Insert(ctx, batch); err != nil {
		t.Fatal(err)
	}
	id := batch[0].ID
	for _, st := range []struct {
		flag          Flag
		on            bool
		read, starred bool
	}{
		{FlagStarred, true, false, true}, {FlagRead, true, true, true}, {FlagRead, true, true, true},
		{FlagRead, false, false, true}, {FlagStarred, false, false, false},
	} {
		if err := s.SetFlag(ctx, id, st.flag, st.on); err != nil {
			t.Fatal(err)
		}
		a, err := s.Article(ctx, id)
		if err != nil || a.Read != st.read || a.Starred != st.starred {
			t.Fatalf("after SetFlag(%v, %v): read %v starred %v (%v), want %v %v", st.flag, st.on, a.Read, a.Starred, err, st.read, st.starred)
		}
		c, _ := s.Counts(ctx)
		wantUnread, wantStarred := 1, 0
		if !st.read {
			wantUnread = 2
		}
		if st.starred {
			wantStarred = 1
		}
		if c.Unread != wantUnread || c.Starred != wantStarred {
			t.Fatalf("after SetFlag(%v, %v): counts %+v", st.flag, st.on, c)
		}
	}
	if err := s.SetFlag(ctx, id, Flag(7), true); err == nil {
		t.Fatal("SetFlag of no flag: no error")
	}
	if err := s.Verify(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestBatchIsOneIndexSegment: a batch's full-text rows go in one statement
// whatever their number, so a batch adds one segment to the index (FTS5
// flushes one at every statement that writes to it).
func TestBatchIsOneIndexSegment(t *testing.T) {
	s := openTemp(t)
	var batch []Article
	for i := range 241 { // 128 + 64 + 32 + 16 + 1
		batch = append(batch, article(i))
	}
	if _, err := s.Insert(context.Background(), batch); err != nil {
		t.Fatal(err)
	}
	var segments int
	if err := s.db.QueryRow("SELECT count(DISTINCT segid) FROM article_text_idx").Scan(&segments); err != nil {
		t.Fatal(err)
	}
	if segments != 1 {
		t.Errorf("one batch of %d articles made %d index segments, want 1", len(batch), segments)
	}
}

// TestWriteTxRollsBackOnPanic: a panic inside a write transaction rolls it
// back like an error does; the next write and other writers go ahead.
func TestWriteTxRollsBackOnPanic(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	func() {
		defer func() { recover() }()
		s.writeTx(ctx, func(w *writeConn) error {
			if _, err := w.conn.ExecContext(ctx, "UPDATE counters SET value = 99 WHERE name = 'articles'"); err != nil {
				t.Error(err)
			}
			panic("in the middle of a batch")
		})
	}()
	if _, err := s.Insert(ctx, []Article{article(1)}); err != nil {
		t.Fatalf("insert after a panic: %v", err)
	}
	if c, _ := s.Counts(ctx); c.Articles != 1 {
		t.Errorf("%d articles counted, want 1: the panicking transaction was kept", c.Articles)
	}
}

// TestWriteStatementsStayFew: batches of every size up to 40 leave a
// handful of prepared statements on the write connection, not one for
// each number of rows.
func TestWriteStatementsStayFew(t *testing.T) {
	s := openTemp(t)
	next := 0
	for n := 1; n <= 40; n++ {
		var batch []Article
		for range n {
			batch = append(batch, article(next))
			next++
		}
		if _, err := s.Insert(context.Background(), batch); err != nil {
			t.Fatal(err)
		}
	}
	s.writer.mu.Lock()
	kept := len(s.writer.stmts)
	s.writer.mu.Unlock()
	if kept > 20 {
		t.Errorf("%d statements kept after batches of 1 to 40 rows, want a handful", kept)
	}
}
