package common

import (
	"errors"
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
	const P, extra = PageSize, 5 // the window is WindowSize rows: 3 pages
	w.Place(First, page(0, P), true, &nav, 5)
	if !w.AtStart || w.AtEnd || len(w.Rows) != P || nav.Cursor != 0 {
		t.Fatalf("first page: AtStart %v AtEnd %v rows %d cursor %d", w.AtStart, w.AtEnd, len(w.Rows), nav.Cursor)
	}
	nav.Set(P-2, len(w.Rows), 5)
	if dir, ok := w.Next(nav, 5); !ok || dir != After {
		t.Fatalf("near the end: Next = %v %v, want After", dir, ok)
	}
	w.Place(After, page(P, P), true, &nav, 5)
	w.Place(After, page(2*P, P+extra), true, &nav, 5) // extra rows over: dropped at the top
	if len(w.Rows) != WindowSize || w.Rows[0] != extra || w.AtStart || w.Rows[nav.Cursor] != P-2 {
		t.Fatalf("after two more pages: %d rows from %d, cursor on %d, atStart %v", len(w.Rows), w.Rows[0], w.Rows[nav.Cursor], w.AtStart)
	}
	nav.Set(0, len(w.Rows), 5)
	if dir, ok := w.Next(nav, 5); !ok || dir != Before {
		t.Fatalf("near the top: Next = %v %v, want Before", dir, ok)
	}
	w.Place(Before, page(0, extra), false, &nav, 5) // a short page: the start
	if !w.AtStart || w.Rows[0] != 0 || w.Rows[nav.Cursor] != extra || len(w.Rows) != WindowSize || w.AtEnd {
		t.Fatalf("before: %d rows from %d, cursor on %d", len(w.Rows), w.Rows[0], w.Rows[nav.Cursor])
	}
	nav.Set(WindowSize/2, len(w.Rows), 5)
	if _, ok := w.Next(nav, 5); ok {
		t.Fatal("Next asked for a page with the cursor in the middle of the window")
	}
	w.Place(Last, page(90, 7), true, &nav, 5) // a full page: more may come before
	if !w.AtEnd || w.AtStart || !slices.Equal(w.Rows, page(90, 7)) || nav.Cursor != 6 {
		t.Fatalf("last page: %+v %+v", w, nav)
	}
	w.Fetching = true
	if _, ok := w.Next(ListNav{}, 5); ok {
		t.Fatal("Next asked for a page while one is in flight")
	}
}

// TestWindowReceive: a page for an older window is dropped and the query
// still counts as in flight; a failed page ends the query and leaves the
// rows; a page for this window is placed, and a short one ends the list.
func TestWindowReceive(t *testing.T) {
	var w Window[int]
	var nav ListNav
	w.Fetching = true
	if ours, err := w.Receive(Page[int]{Gen: 1, Dir: First, Items: []int{9}, Limit: 2}, 2, &nav, 5); ours || err != nil || !w.Fetching || len(w.Rows) != 0 {
		t.Fatalf("stale page: ours %v err %v fetching %v rows %v", ours, err, w.Fetching, w.Rows)
	}
	failure := errors.New("disk on fire")
	if ours, err := w.Receive(Page[int]{Gen: 2, Dir: First, Err: failure, Limit: 2}, 2, &nav, 5); !ours || err != failure || w.Fetching || len(w.Rows) != 0 {
		t.Fatalf("failed page: ours %v err %v fetching %v rows %v", ours, err, w.Fetching, w.Rows)
	}
	w.Fetching = true
	if ours, err := w.Receive(Page[int]{Gen: 2, Dir: First, Items: []int{1, 2}, Limit: 3}, 2, &nav, 5); !ours || err != nil || w.Fetching || !slices.Equal(w.Rows, []int{1, 2}) || !w.AtEnd {
		t.Fatalf("short first page: ours %v err %v fetching %v rows %v atEnd %v", ours, err, w.Fetching, w.Rows, w.AtEnd)
	}
	if w.Edge(After) != 2 || w.Edge(Before) != 1 {
		t.Errorf("edges %d and %d, want 2 (After) and 1 (Before)", w.Edge(After), w.Edge(Before))
	}
}
