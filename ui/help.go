package ui

import (
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
	return fullHelpBands(m.help, h.FullHelp(), m.width)
}

// fullHelpBands lays the full help's columns out side by side in as many
// bands as the width needs: bubbles' help cuts the columns that do not fit
// with "…", hiding keys on all but the widest screens.
func fullHelpBands(h help.Model, groups [][]key.Binding, width int) string {
	h.Width = 0 // measured here, never cut
	var bands []string
	var band [][]key.Binding
	for _, g := range groups {
		wider := append(band[:len(band):len(band)], g)
		if len(band) > 0 && lipgloss.Width(h.FullHelpView(wider)) > width {
			bands = append(bands, h.FullHelpView(band))
			band = [][]key.Binding{g}
			continue
		}
		band = wider
	}
	if len(band) > 0 {
		bands = append(bands, h.FullHelpView(band))
	}
	return strings.Join(bands, "\n")
}
