package quotes

import (
	"fmt"
	"testing"
)

// TestStepWalksTheList: Step (n and p in an article opened from the list)
// goes from the quote shown through every quote, paging the window, and
// stops at each end.
func TestStepWalksTheList(t *testing.T) {
	const n = 350 // more than a window
	m := openPane(storeOf(t, n))
	q, _ := m.Selected()
	walk := func(delta, steps int) {
		t.Helper()
		for range steps {
			next, ok, cmd := m.Step(q.ID, delta)
			settle(m, cmd)
			if !ok {
				t.Fatalf("no quote after %q", q.ArticleTitle)
			}
			if sel, _ := m.Selected(); sel.ID != next.ID {
				t.Fatalf("Step returned %q but the list selects %q", next.ArticleTitle, sel.ArticleTitle)
			}
			q = next
		}
	}
	walk(1, n-1)
	if want := "Article 0000"; q.ArticleTitle != want {
		t.Fatalf("after %d steps at %q, want %q", n-1, q.ArticleTitle, want)
	}
	if _, ok, _ := m.Step(q.ID, 1); ok {
		t.Fatal("stepped past the oldest quote")
	}
	walk(-1, n-1)
	if want := fmt.Sprintf("Article %04d", n-1); q.ArticleTitle != want {
		t.Fatalf("back at %q, want %q", q.ArticleTitle, want)
	}
	if _, ok, _ := m.Step(q.ID, -1); ok {
		t.Fatal("stepped before the newest quote")
	}
	// a quote no longer listed: from the selection
	if next, ok, _ := m.Step(-1, 1); !ok || next.ArticleTitle != fmt.Sprintf("Article %04d", n-2) {
		t.Fatalf("from an unlisted quote stepped to %q", next.ArticleTitle)
	}
}
