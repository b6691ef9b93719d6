package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
)

// helpView is the help line, or the full help when it is shown.
func (m *Model) helpView() string {
	h := helpKeys{pane: m.pane(m.focus), global: m.keys, typing: m.pane(m.focus).Typing()}
	if !m.helpShown {
		return m.help.ShortHelpView(h.ShortHelp())
	}
	// Update asks for it after every message while it is shown (fetch
	// progress, renderings, mouse): laid out again only when its keys or
	// the width change.
	groups := h.FullHelp()
	var key strings.Builder
	fmt.Fprint(&key, m.width)
	for _, g := range groups {
		key.WriteByte('|')
		for _, b := range g {
			if b.Enabled() {
				fmt.Fprintf(&key, "%s\x00%s\x00", b.Help().Key, b.Help().Desc)
			}
		}
	}
	if c := &m.helpCache; c.key != key.String() {
		c.key, c.view = key.String(), fullHelpBands(m.help, groups, m.width)
	}
	return m.helpCache.view
}

// helpCache is the full help laid out, and what it was laid out for.
type helpCache struct{ key, view string }

// fullHelpBands lays the full help's groups out in as few rows as the
// width allows (see planHelp): bubbles' help puts them side by side on one
// band and cuts those that do not fit with "…", hiding keys on all but the
// widest screens.
func fullHelpBands(h help.Model, groups [][]key.Binding, width int) string {
	h.Width = 0 // measured here, never cut
	var blocks []string
	var sizes []helpSize
	for _, g := range groups {
		b := h.FullHelpView([][]key.Binding{g})
		if b == "" {
			continue // no key enabled
		}
		blocks = append(blocks, b)
		sizes = append(sizes, helpSize{W: lipgloss.Width(b), H: lipgloss.Height(b)})
	}
	sep := h.Styles.FullSeparator.Inline(true).Render(h.FullSeparator)
	var bands []string
	for _, band := range planHelp(sizes, width, lipgloss.Width(sep)) {
		var cols []string
		for i, col := range band {
			var stack []string
			for j, g := range col {
				if j > 0 {
					stack = append(stack, "") // a blank row between groups
				}
				stack = append(stack, blocks[g])
			}
			c := lipgloss.JoinVertical(lipgloss.Left, stack...)
			if i > 0 {
				c = lipgloss.JoinHorizontal(lipgloss.Top, sep, c)
			}
			cols = append(cols, c)
		}
		bands = append(bands, lipgloss.JoinHorizontal(lipgloss.Top, cols...))
	}
	return strings.Join(bands, "\n")
}

// helpSize is the size of one group of the full help, in cells.
type helpSize struct{ W, H int }

// maxStackedGroups bounds the groups planHelp tries every stacking of.
const maxStackedGroups = 10

// planHelp places the full help's groups, in order, in columns (one group,
// or several stacked with a blank row between) and the columns in bands as
// wide as width, sep cells apart: the plan with the fewest rows, then the
// fewest stacked groups, since side by side reads best. Stacking short
// groups makes room beside them: at 120 columns the last group would
// otherwise start a band of its own, below the others.
func planHelp(sizes []helpSize, width, sep int) [][][]int {
	n := len(sizes)
	if n == 0 {
		return nil
	}
	var best [][][]int
	bestRows, bestStacked := 0, 0
	combos := 1
	if n <= maxStackedGroups {
		combos = 1 << (n - 1)
	}
	// bit i of stack set: group i+1 goes under group i
	for stack := range combos {
		var cols [][]int
		var colW, colH []int
		stacked := 0
		for g, s := range sizes {
			if g > 0 && stack&(1<<(g-1)) != 0 {
				last := len(cols) - 1
				cols[last] = append(cols[last], g)
				colW[last] = max(colW[last], s.W)
				colH[last] += 1 + s.H
				stacked++
				continue
			}
			cols = append(cols, []int{g})
			colW, colH = append(colW, s.W), append(colH, s.H)
		}
		var bands [][][]int
		rows, used, bandH := 0, 0, 0
		for c := range cols {
			if len(bands) > 0 && used+sep+colW[c] <= width {
				last := len(bands) - 1
				bands[last] = append(bands[last], cols[c])
				used += sep + colW[c]
				bandH = max(bandH, colH[c])
				continue
			}
			rows += bandH
			bands = append(bands, [][]int{cols[c]})
			used, bandH = colW[c], colH[c]
		}
		rows += bandH
		if best == nil || rows < bestRows || rows == bestRows && stacked < bestStacked {
			best, bestRows, bestStacked = bands, rows, stacked
		}
	}
	return best
}
