package feed

import "testing"

func TestSplitDateline(t *testing.T) {
	tests := []struct{ in, place, rest string }{
		{"DAMASCUS – Moaz Alkhatib said", "DAMASCUS", "Moaz Alkhatib said"},
		{"LONDON (Reuters) - Shares fell", "LONDON", "Shares fell"},
		{"WASHINGTON, D.C. — The Senate voted", "WASHINGTON, D.C.", "The Senate voted"},
		{"NEW YORK (AP) — Stocks rose", "NEW YORK", "Stocks rose"},
		{"SAN JUAN, Puerto Rico - x", "", "SAN JUAN, Puerto Rico - x"},
		{"ST. LOUIS -- The team", "ST. LOUIS", "The team"},
		{"BEIRUT, LEBANON — Talks", "BEIRUT, LEBANON", "Talks"},
		{"PARIS (AFP) -  Two spaces", "PARIS", "Two spaces"},
		{"Damascus – lower case", "", "Damascus – lower case"},
		{"I - me", "", "I - me"},
		{"DAMASCUS –", "", "DAMASCUS –"},
		{"DAMASCUS–Moaz no space", "", "DAMASCUS–Moaz no space"},
		{"US-led forces attacked", "", "US-led forces attacked"},
		{"ABSTRACT.\n\nText", "", "ABSTRACT.\n\nText"},
		{"The man - who left", "", "The man - who left"},
		{"ONE TWO THREE FOUR FIVE SIX SEVEN - too many words", "", "ONE TWO THREE FOUR FIVE SIX SEVEN - too many words"},
		{"", "", ""},
	}
	for _, tt := range tests {
		place, rest := SplitDateline(tt.in)
		if place != tt.place || rest != tt.rest {
			t.Errorf("SplitDateline(%q) = %q, %q; want %q, %q", tt.in, place, rest, tt.place, tt.rest)
		}
	}
}
