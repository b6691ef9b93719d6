//go:build !linux

package ui

import "testing"

// reportPeakRSS reports nothing off Linux: getrusage's units differ between
// systems (bytes on macOS) and Windows has none.
func reportPeakRSS(*testing.B) {}
