package articles

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"

	"byline/data"
	"byline/ui/common"
)

// Articles that arrive while the first page is being read show once it
// has come: the page may have been read before they were stored.
func TestArrivalsDuringFirstPageShow(t *testing.T) {
	s := storeOf(t, 5)
	r := lipgloss.NewRenderer(nil)
	m := New(common.Common{Store: s, Renderer: r}, DefaultKeyMap(), DefaultStyles(r))
	m.SetSize(60, 20)
	page := m.Init()() // read before the arrival is stored
	fresh := data.Article{Key: "fresh", Title: "Fresh arrival", Body: "x", Published: time.Unix(2e9, 0)}
	if _, err := s.Insert(context.Background(), []data.Article{fresh}); err != nil {
		t.Fatal(err)
	}
	_, cmd := m.Update(common.ArticlesArrivedMsg{New: 1}) // while the page is on its way
	settle(m, cmd)
	_, cmd = m.Update(page)
	settle(m, cmd)
	if v := m.View(); !strings.Contains(v, "Fresh arrival") {
		t.Fatalf("the arrival is not listed:\n%s", v)
	}
}
