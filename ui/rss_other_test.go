//go:build !linux

package ui

import "testing"

// reportPeakRSS reports nothing off Linux, where getrusage counts in other units or is missing.
func reportPeakRSS(*testing.B) {}
