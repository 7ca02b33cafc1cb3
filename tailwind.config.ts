import type { Config } from "tailwindcss";

// Loaded by app/globals.css through `@config`. Semantic colours come from CSS variables
// so that light and dark themes are one switch on <html>.
export default {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        background: "var(--background)",
        foreground: "var(--foreground)",
        muted: { DEFAULT: "var(--muted)", foreground: "var(--muted-foreground)" },
        border: "var(--border)",
        card: "var(--card)",
        primary: { DEFAULT: "var(--primary)", foreground: "var(--primary-foreground)" },
        danger: { DEFAULT: "var(--danger)", foreground: "var(--danger-foreground)" },
        ring: "var(--ring)",
      },
      fontFamily: {
        sans: ["ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"],
        mono: ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"],
      },
    },
  },
} satisfies Config;
