package articles

import (
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Styles is how the article list looks.
type Styles struct {
	Title    lipgloss.Style // the pane's title line
	Item     lipgloss.Style
	Selected lipgloss.Style // the selected row's title
	Meta     lipgloss.Style // place, source, date, quotes
	Unread   lipgloss.Style // the unread mark
	Star     lipgloss.Style
	Snippet  lipgloss.Style
	Match    lipgloss.Style // matched words in a snippet
	// MatchMarks surround matched words when the profile has no styling
	// (NO_COLOR), so a match still shows.
	MatchMarks  [2]string
	Empty       lipgloss.Style
	InputPrompt lipgloss.Style
	New         lipgloss.Style // "N new · g to see" in the title line
}

// DefaultStyles returns the list styles made with r.
func DefaultStyles(r *lipgloss.Renderer) Styles {
	subtle := lipgloss.AdaptiveColor{Light: "#7A7A7A", Dark: "#8A8A8A"}
	accent := lipgloss.AdaptiveColor{Light: "#B5006B", Dark: "#FF5FAF"}
	var marks [2]string
	if r.ColorProfile() == termenv.Ascii {
		marks = [2]string{"[", "]"}
	}
	return Styles{
		MatchMarks:  marks,
		Title:       r.NewStyle().Bold(true),
		Item:        r.NewStyle(),
		Selected:    r.NewStyle().Bold(true).Foreground(accent),
		Meta:        r.NewStyle().Foreground(subtle),
		Unread:      r.NewStyle().Foreground(accent),
		Star:        r.NewStyle().Foreground(lipgloss.AdaptiveColor{Light: "#B58900", Dark: "#FFD75F"}),
		Snippet:     r.NewStyle().Foreground(subtle),
		Match:       r.NewStyle().Bold(true).Underline(true),
		Empty:       r.NewStyle().Foreground(subtle),
		InputPrompt: r.NewStyle().Bold(true),
		New:         r.NewStyle().Bold(true).Foreground(accent),
	}
}
