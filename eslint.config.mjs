import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".next-e2e/**", "node_modules/**", ".sluice/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "bench/.work/**"],
  },
  {
    files: ["bin/sluice.js", "scripts/*.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
];

export default config;
