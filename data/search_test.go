package data

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// oneQuerySearch is Search's query before it ranked in a subquery: a snippet
// for every match, then the best. Kept to hold Search to its results.
const oneQuerySearch = `SELECT a.id, a.title, a.place, a.source, a.author, a.url,
	a.published, a.sort_time, a.read, a.starred, a.quote_count,
	snippet(article_text, 1, ?, ?, '…', 16), bm25(article_text, 10.0, 1.0) AS rank
	FROM article_text JOIN articles a ON a.id = article_text.rowid
	WHERE article_text MATCH ? ORDER BY rank LIMIT ?`

// TestSearchAsOneQueryDid: Search finds the hits, in the order, with the
// snippets and ranks, that one query making a snippet of every match did,
// ties in rank (identical articles) and limits that cut through them
// included.
func TestSearchAsOneQueryDid(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	var arts []Article
	for i := range 120 {
		a := article(i)
		// six texts, each twenty times: ranks tie
		a.Title = fmt.Sprintf("Report %d", i%2)
		a.Body = strings.Repeat(fmt.Sprintf("The budget for district %d was cut. ", i%3), 1+i%2) +
			"\n\nMinisters said the plan would cost more."
		if i%6 == 0 {
			a.Title = "Budget news"
		}
		arts = append(arts, a)
	}
	if _, err := s.Insert(ctx, arts); err != nil {
		t.Fatal(err)
	}
	searchAsOneQuery(t, s, "budget", "district 3", "budget*", `"the plan"`, "report", "nothing here")
}

// TestSearchAsOneQueryDidOnTheCorpus: the same on real articles (the
// shared corpus's BBC politics, when it is there), long texts whose
// snippets are windows of them.
func TestSearchAsOneQueryDidOnTheCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "corpus", "bbc", "politics")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skip("shared corpus not found at " + dir)
	}
	ctx := context.Background()
	s := openTemp(t)
	var arts []Article
	for i, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		title, body, _ := strings.Cut(strings.ToValidUTF8(string(raw), "?"), "\n")
		arts = append(arts, Article{Key: f, Title: title, Body: strings.TrimSpace(body), Raw: raw,
			Published: time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour)})
	}
	if _, err := s.Insert(ctx, arts); err != nil {
		t.Fatal(err)
	}
	searchAsOneQuery(t, s, "blair", "said", "prime minister", "elect*", `"general election"`, "tory tax")
}

// searchAsOneQuery checks Search against oneQuerySearch for each query at
// several limits.
func searchAsOneQuery(t *testing.T, s *Store, queries ...string) {
	t.Helper()
	ctx := context.Background()
	for _, query := range queries {
		for _, limit := range []int{1, 7, 50, 500} {
			got, err := s.Search(ctx, query, limit)
			if err != nil {
				t.Fatal(err)
			}
			rows, err := s.db.QueryContext(ctx, oneQuerySearch, MatchStart, MatchEnd, FTSQuery(query), limit)
			if err != nil {
				t.Fatal(err)
			}
			var want []SearchHit
			for rows.Next() {
				var h SearchHit
				it, err := scanSummary(rows, &h.Snippet, &h.Rank)
				if err != nil {
					t.Fatal(err)
				}
				h.ArticleSummary = it.ArticleSummary
				want = append(want, h)
			}
			rows.Close()
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Search(%q, %d):\n got %v\nwant %v", query, limit, ids(got), ids(want))
			}
			// a page from an offset is that part of the whole list
			for _, from := range []int{1, 3, 40} {
				if limit != 500 || from >= len(want) {
					continue // (want holds the whole list at 500)
				}
				page, err := s.SearchFrom(ctx, query, from, 5)
				if err != nil {
					t.Fatal(err)
				}
				if w := want[from:min(len(want), from+5)]; !reflect.DeepEqual(page, w) {
					t.Errorf("SearchFrom(%q, %d, 5):\n got %v\nwant %v", query, from, ids(page), ids(w))
				}
			}
		}
	}
}

func ids(hits []SearchHit) []int64 {
	var out []int64
	for _, h := range hits {
		out = append(out, h.ID)
	}
	return out
}

// TestSearchSnippetsOnlyItsHits: the matches are ranked, and the best
// kept, in a subquery, by BM25 alone; the snippets are made in the outer
// query, on a second pass over the matches that keeps those hits, not by a
// MATCH of each hit's rowid (which opens the full-text index again for
// each).
func TestSearchSnippetsOnlyItsHits(t *testing.T) {
	s := openTemp(t)
	rows, err := s.db.Query("EXPLAIN QUERY PLAN "+searchQuery, `"budget"`, 50, MatchStart, MatchEnd, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	parent, detail := map[int]int{}, map[int]string{}
	var plan []string
	ranked := false
	for rows.Next() {
		var id, up, unused int
		var step string
		if err := rows.Scan(&id, &up, &unused, &step); err != nil {
			t.Fatal(err)
		}
		parent[id], detail[id] = up, step
		plan = append(plan, step)
		inSubquery := false
		for p := up; p != 0; p = parent[p] {
			inSubquery = inSubquery || strings.HasPrefix(detail[p], "LIST SUBQUERY")
		}
		ranked = ranked || inSubquery && strings.HasPrefix(step, "USE TEMP B-TREE FOR ORDER BY")
		// FTS5's plan: "=" for a rowid asked for
		if strings.Contains(step, "article_text VIRTUAL TABLE INDEX 0:=") {
			t.Errorf("each hit is found again by its rowid: %s", step)
		}
	}
	if !ranked {
		t.Errorf("the hits are not ranked in a subquery: %s", strings.Join(plan, "; "))
	}
}
