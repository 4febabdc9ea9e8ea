package io.rapport.messaging;

import io.rapport.accounts.AccountId;
import io.rapport.platform.TenantId;

/** A consumer answered; {@code intent} says whether it was an opt-out, an opt-in, a request for help or free text. */
public record ReplyReceived(TenantId tenant, MessageId reply, AccountId account, Channel channel, ReplyIntent intent) {
}
