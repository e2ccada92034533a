import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const NO_SKIPPED_TESTS = {
  selector:
    "CallExpression[callee.property.name=/^(only|skip|todo)$/][callee.object.name=/^(it|test|describe)$/]",
  message: "Every test must run: no .only, .skip or .todo.",
};

/** Words people read come from the catalogue (app/i18n), in both languages: none written in a page. */
const NO_USER_FACING_LITERALS = [
  {
    selector: "JSXText[value=/\\p{L}{2,}/u]",
    message: 'User-facing text comes from the catalogue: t("key") (app/i18n, both languages).',
  },
  {
    selector:
      "JSXAttribute[name.name=/^(aria-label|aria-description|title|placeholder|alt)$/] > Literal[value=/\\p{L}{2,}/u]",
    message: 'User-facing text comes from the catalogue: t("key") (app/i18n, both languages).',
  },
  {
    selector:
      "JSXAttribute[name.name=/^(aria-label|aria-description|title|placeholder|alt)$/] > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=/\\p{L}{2,}/u]",
    message: 'User-facing text comes from the catalogue: t("key") (app/i18n, both languages).',
  },
];

export default tseslint.config(
  { ignores: ["build/", "node_modules/", "data/", ".cache/", ".test-results/", "test-artifacts/"] },
  js.configs.recommended,
  { files: ["**/*.{js,mjs}"], languageOptions: { globals: { process: "readonly", console: "readonly" } } },
  ...tseslint.configs.recommended,
  {
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-syntax": ["error", NO_SKIPPED_TESTS],
    },
  },
  {
    files: ["app/routes/**", "app/components/**", "app/root.tsx"],
    rules: { "no-restricted-syntax": ["error", NO_SKIPPED_TESTS, ...NO_USER_FACING_LITERALS] },
  },
  {
    // Routes stay thin: no database or blob store access from a route module.
    files: ["app/routes/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["~db/*", "~storage/*", "kysely"],
              message: "Routes call modules; SQL and storage live in app/modules.",
            },
          ],
        },
      ],
    },
  },
);
