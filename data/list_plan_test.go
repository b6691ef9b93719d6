package data

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// TestListPagesReadOnlyAPage: every page of the article list, of all
// articles or of one feed, with or without a filter, both ways, reads down
// an index in the list order and sorts nothing: a page of a feed of 300,000
// articles costs what a page of a feed of 10 does.
func TestListPagesReadOnlyAPage(t *testing.T) {
	for _, analyzed := range []bool{false, true} {
		t.Run(map[bool]string{false: "fresh", true: "analyzed"}[analyzed], func(t *testing.T) {
			listPagePlans(t, analyzed)
		})
	}
}

// listPagePlans checks the list's plans on an empty store, or on one whose
// statistics ANALYZE has gathered: a big feed of read articles beside a
// small one, which must not turn a page into a sort of the feed.
func listPagePlans(t *testing.T, analyzed bool) {
	s := openTemp(t)
	var feed int64 = 1
	if analyzed {
		ctx := context.Background()
		var batch []Article
		var big, small []FeedItem
		for i := range 3000 {
			a := article(i)
			a.Read = i%100 != 0
			a.Starred = i%500 == 0
			batch = append(batch, a)
			big = append(big, FeedItem{Key: a.Key})
			if i%300 == 0 {
				small = append(small, FeedItem{Key: a.Key})
			}
		}
		if _, err := s.Insert(ctx, batch); err != nil {
			t.Fatal(err)
		}
		var err error
		if feed, err = s.AddFeed(ctx, Feed{URL: "http://127.0.0.1/big"}); err != nil {
			t.Fatal(err)
		}
		other, err := s.AddFeed(ctx, Feed{URL: "http://127.0.0.1/small"})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.LinkItems(ctx, feed, big); err != nil {
			t.Fatal(err)
		}
		if err := s.LinkItems(ctx, other, small); err != nil {
			t.Fatal(err)
		}
		if _, err := s.db.Exec("ANALYZE"); err != nil {
			t.Fatal(err)
		}
	}
	at := Cursor{SortTime: 100, ID: 7}
	for _, feedID := range []int64{0, feed} {
		for _, filter := range []Filter{All, Unread, Starred} {
			// the index the page must read down
			index := map[Filter]string{All: "articles_order", Unread: "articles_unread", Starred: "articles_starred"}[filter]
			if feedID != 0 {
				index = map[Filter]string{All: "feed_items_order", Unread: "feed_items_unread", Starred: "feed_items_starred"}[filter]
			}
			for _, tc := range []struct {
				name string
				q    ListQuery
			}{
				{"first page", ListQuery{}},
				{"older page", ListQuery{After: at}},
				{"newer page", ListQuery{Before: at}},
				{"last page", ListQuery{Last: true}},
			} {
				q := tc.q
				q.FeedID, q.Filter, q.Limit = feedID, filter, 50
				query, args, _ := listQuery(q)
				plan := queryPlan(t, s, query, args...)
				p := strings.Join(plan, "; ")
				scansTable := false
				for _, step := range plan {
					scansTable = scansTable || strings.HasPrefix(step, "SCAN") && !strings.Contains(step, "USING INDEX")
				}
				name := fmt.Sprintf("feed %d, filter %d, %s", feedID, filter, tc.name)
				if strings.Contains(p, "TEMP B-TREE") || strings.Contains(p, "AUTOMATIC") || scansTable ||
					!strings.Contains(plan[0], "INDEX "+index+" ") && !strings.HasSuffix(plan[0], "INDEX "+index) {
					t.Errorf("%s: the plan does not read down %s: %s", name, index, p)
				}
			}
		}
	}
}
