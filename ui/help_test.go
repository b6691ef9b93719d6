package ui

import (
	"reflect"
	"strings"
	"testing"
)

func TestPlanHelp(t *testing.T) {
	// the article list's groups: navigation, paging, open and search,
	// filter and flags, panes, the global keys
	list := []helpSize{{16, 4}, {22, 4}, {16, 2}, {20, 3}, {23, 6}, {18, 4}}
	for _, c := range []struct {
		name  string
		sizes []helpSize
		width int
		want  [][][]int
	}{
		{"none", nil, 80, nil},
		{"side by side", []helpSize{{10, 4}, {10, 4}}, 30, [][][]int{{{0}, {1}}}},
		{"one band each", []helpSize{{10, 4}, {10, 4}}, 20, [][][]int{{{0}}, {{1}}}},
		{"a group wider than the screen", []helpSize{{30, 2}, {10, 2}}, 20, [][][]int{{{0}}, {{1}}}},
		// room for all side by side: nothing stacked
		{"list at 160", list, 160, [][][]int{{{0}, {1}, {2}, {3}, {4}, {5}}}},
		// the last group would start a band of its own: two short
		// groups stacked make room for it
		{"list at 120", list, 120, [][][]int{{{0}, {1}, {2, 3}, {4}, {5}}}},
		{"list at 60", list, 60, [][][]int{{{0}, {1}}, {{2}, {3}}, {{4}, {5}}}},
	} {
		if got := planHelp(c.sizes, c.width, 4); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}

// TestFullHelpUsesTheWidth: at 120 columns every pane's full help is one
// band, the global keys beside the pane's (review: they went on four more
// rows below, with room beside the others).
func TestFullHelpUsesTheWidth(t *testing.T) {
	d := newDriver(t, newStore(t, fixtureArticles(t)), 120, 40)
	for _, pane := range []string{"1", "2", "3", "4"} {
		d.keys(pane, "?")
		help := d.root().fullHelp
		if first, _, _ := strings.Cut(help, "\n"); !strings.Contains(first, "↓/j") || !strings.Contains(first, "fetch feeds") {
			t.Errorf("pane %s: the full help is not one band:\n%s", pane, help)
		}
		d.keys("?")
	}
}
