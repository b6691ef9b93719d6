package ui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"
)

// Styles is how the frame around the panes looks.
type Styles struct {
	Pane        lipgloss.Style // an unfocused pane's border
	FocusedPane lipgloss.Style
	Header      lipgloss.Style
	HeaderMeta  lipgloss.Style
	Status      lipgloss.Style
	StatusError lipgloss.Style
	Help        help.Styles
}

// DefaultStyles returns the frame styles made with r.
func DefaultStyles(r *lipgloss.Renderer) Styles {
	subtle := lipgloss.AdaptiveColor{Light: "#7A7A7A", Dark: "#8A8A8A"}
	accent := lipgloss.AdaptiveColor{Light: "#B5006B", Dark: "#FF5FAF"}
	faint := lipgloss.AdaptiveColor{Light: "#B2B2B2", Dark: "#4A4A4A"}
	keyStyle := r.NewStyle().Foreground(lipgloss.AdaptiveColor{Light: "#606060", Dark: "#9A9A9A"})
	descStyle := r.NewStyle().Foreground(subtle)
	sepStyle := r.NewStyle().Foreground(faint)
	return Styles{
		Pane:        r.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(faint).Padding(0, 1),
		FocusedPane: r.NewStyle().Border(lipgloss.ThickBorder()).BorderForeground(accent).Padding(0, 1),
		Header:      r.NewStyle().Bold(true).Foreground(accent),
		HeaderMeta:  r.NewStyle().Foreground(subtle),
		Status:      r.NewStyle().Foreground(subtle),
		StatusError: r.NewStyle().Bold(true).Foreground(lipgloss.AdaptiveColor{Light: "#D70000", Dark: "#FF5F5F"}),
		Help: help.Styles{
			Ellipsis:       sepStyle,
			ShortKey:       keyStyle,
			ShortDesc:      descStyle,
			ShortSeparator: sepStyle,
			FullKey:        keyStyle,
			FullDesc:       descStyle,
			FullSeparator:  sepStyle,
		},
	}
}
