/**
 * Accounts: the consumers a tenant collects from, with their contact points, consents and
 * itemized debts, the creditor clients behind them, holds, the account history, and the
 * placement of new accounts by API or spreadsheet import.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package io.rapport.accounts;
