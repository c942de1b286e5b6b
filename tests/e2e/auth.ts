import { expect, type Page } from '@playwright/test';

export async function signIn(page: Page, login: { email: string; password: string }) {
  await page.goto('/anmelden');
  await page.getByLabel('E-Mail-Adresse').fill(login.email);
  await page.getByLabel('Passwort', { exact: true }).fill(login.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page).toHaveURL(/\/verwaltung/);
}
