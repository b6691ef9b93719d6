package common

// Direction says where a page goes in a Window.
type Direction int

const (
	First  Direction = iota // replaces the window with the newest rows
	Last                    // replaces the window with the oldest rows
	After                   // appended: older rows
	Before                  // prepended: newer rows
)

const (
	// PageSize is how many rows one store query of a list fetches.
	PageSize = 100
	// WindowSize is the most rows a list keeps in memory: paging further
	// drops rows at the other end.
	WindowSize = 3 * PageSize
	// Prefetch is how close to an end of the window (beyond the rows shown)
	// the cursor gets before the next page is asked for.
	Prefetch = 30
)

// Window is the rows of a list kept in memory: at most a few pages around
// the cursor, paged from the store by keyset as the cursor moves, so no
// key press costs more as the store grows.
type Window[T any] struct {
	Rows     []T
	AtStart  bool // holds the newest row
	AtEnd    bool // holds the oldest row
	Fetching bool // a page query is in flight
}

// Place puts a page into the window (full: the page had as many rows as
// asked, so more may follow), keeps nav on the same row, and drops rows
// beyond WindowSize at the far end.
func (w *Window[T]) Place(dir Direction, items []T, full bool, nav *ListNav, visible int) {
	max := WindowSize
	switch dir {
	case First:
		w.Rows, w.AtStart, w.AtEnd = items, true, !full
		*nav = ListNav{}
	case Last:
		w.Rows, w.AtStart, w.AtEnd = items, !full, true
		*nav = ListNav{}
		nav.Set(len(w.Rows)-1, len(w.Rows), visible)
	case After:
		w.Rows = append(w.Rows, items...)
		w.AtEnd = !full
		if drop := len(w.Rows) - max; drop > 0 {
			w.Rows = append([]T(nil), w.Rows[drop:]...)
			w.AtStart = false
			nav.Shift(-drop, len(w.Rows), visible)
		}
	case Before:
		w.Rows = append(append([]T(nil), items...), w.Rows...)
		w.AtStart = !full
		nav.Shift(len(items), len(w.Rows), visible)
		if len(w.Rows) > max {
			w.Rows = w.Rows[:max]
			w.AtEnd = false
		}
	}
	nav.Clamp(len(w.Rows), visible)
}

// Next says which page to fetch, if any, when the cursor of a list showing
// visible rows comes near an end of the window. One query at a time.
func (w *Window[T]) Next(nav ListNav, visible int) (Direction, bool) {
	margin := Prefetch + visible
	switch {
	case w.Fetching || len(w.Rows) == 0:
		return 0, false
	case !w.AtEnd && nav.Cursor >= len(w.Rows)-margin:
		return After, true
	case !w.AtStart && nav.Cursor < margin:
		return Before, true
	}
	return 0, false
}

// Edge is the row a page in direction dir (After or Before) continues from:
// the window's last row or its first.
func (w *Window[T]) Edge(dir Direction) T {
	if dir == After {
		return w.Rows[len(w.Rows)-1]
	}
	return w.Rows[0]
}

// Page is the result of one page query, tagged with the generation of the
// window it was asked for: a pane counts a new generation each time it
// replaces its window, so a page that arrives for an older one is dropped.
type Page[T any] struct {
	Gen   int
	Dir   Direction
	Items []T
	Limit int // rows asked for: fewer means the list ends there
	Err   error
}

// Receive takes the page p into the window of generation gen. It reports
// false for a page of an older window, which it drops; otherwise the query
// is over, and the page is placed unless it failed, with its error
// returned for the pane to show.
func (w *Window[T]) Receive(p Page[T], gen int, nav *ListNav, visible int) (bool, error) {
	if p.Gen != gen {
		return false, nil
	}
	w.Fetching = false
	if p.Err != nil {
		return true, p.Err
	}
	w.Place(p.Dir, p.Items, len(p.Items) >= p.Limit, nav, visible)
	return true, nil
}
