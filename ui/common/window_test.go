package common

import (
	"slices"
	"testing"
)

func TestWindowPlacesPagesAndKeepsTheRow(t *testing.T) {
	var w Window[int]
	var nav ListNav
	page := func(from, n int) []int {
		var p []int
		for i := range n {
			p = append(p, from+i)
		}
		return p
	}
	w.Place(First, page(0, 10), true, 25, &nav, 5)
	if !w.AtStart || w.AtEnd || len(w.Rows) != 10 || nav.Cursor != 0 {
		t.Fatalf("first page: %+v %+v", w, nav)
	}
	nav.Set(8, len(w.Rows), 5)
	if dir, ok := w.Next(nav, 3); !ok || dir != After {
		t.Fatalf("near the end: Next = %v %v, want After", dir, ok)
	}
	w.Place(After, page(10, 10), true, 25, &nav, 5)
	w.Place(After, page(20, 10), true, 25, &nav, 5) // 30 rows: 5 dropped at the top
	if len(w.Rows) != 25 || w.Rows[0] != 5 || w.AtStart || w.Rows[nav.Cursor] != 8 {
		t.Fatalf("after two more pages: rows %v.., cursor on %d, atStart %v", w.Rows[:3], w.Rows[nav.Cursor], w.AtStart)
	}
	nav.Set(0, len(w.Rows), 5)
	if dir, ok := w.Next(nav, 3); !ok || dir != Before {
		t.Fatalf("near the top: Next = %v %v, want Before", dir, ok)
	}
	w.Place(Before, page(0, 5), false, 25, &nav, 5) // a short page: the start
	if !w.AtStart || w.Rows[0] != 0 || w.Rows[nav.Cursor] != 5 || len(w.Rows) != 25 || w.AtEnd {
		t.Fatalf("before: rows %v.., cursor on %d", w.Rows[:3], w.Rows[nav.Cursor])
	}
	w.Place(Last, page(90, 7), true, 25, &nav, 5) // a full page: more may come before
	if !w.AtEnd || w.AtStart || !slices.Equal(w.Rows, page(90, 7)) || nav.Cursor != 6 {
		t.Fatalf("last page: %+v %+v", w, nav)
	}
	w.Fetching = true
	if _, ok := w.Next(ListNav{}, 3); ok {
		t.Fatal("Next asked for a page while one is in flight")
	}
}
