package io.rapport.campaigns;

import io.rapport.accounts.AccountDetails;
import io.rapport.accounts.PhoneType;
import io.rapport.accounts.Verification;
import io.rapport.consent.ConsentChannel;
import io.rapport.messaging.Channel;
import java.util.Optional;

/**
 * Which address of the consumer a channel reaches, and which channel to use when the caller names none: the one the
 * consumer said they prefer, else email when the consumer has a personal address, a text when a mobile number has
 * consent in force, otherwise a letter. The gate
 * still decides every send; this only picks what to propose.
 */
final class ChannelChoice {

    private ChannelChoice() {
    }

    /** The consumer's stated preference when the account can be reached that way, otherwise Rapport's default order. */
    static Channel preferred(AccountDetails account, Optional<ConsentChannel> stated) {
        Optional<Channel> wish = stated.flatMap(channel -> switch (channel) {
            case EMAIL -> Optional.of(Channel.EMAIL);
            case SMS -> Optional.of(Channel.SMS);
            case LETTER -> Optional.of(Channel.LETTER);
            default -> Optional.empty();
        });
        if (wish.isPresent() && target(account, wish.get()).isPresent()) {
            return wish.get();
        }
        if (email(account).isPresent()) {
            return Channel.EMAIL;
        }
        if (textableMobile(account).isPresent()) {
            return Channel.SMS;
        }
        return Channel.LETTER;
    }

    /** Where a send on a channel goes; a letter's address is null: it goes to the mailing address on file. */
    record Target(Channel channel, String address) {
    }

    static Optional<Target> target(AccountDetails account, Channel channel) {
        Optional<String> address = switch (channel) {
            case EMAIL -> email(account);
            case SMS -> textableMobile(account).or(() -> points(account, "PHONE").map(AccountDetails.ContactPoint::value).findFirst());
            case LETTER -> Optional.empty();
        };
        if (channel == Channel.LETTER) {
            return account.consumer().address() == null ? Optional.empty() : Optional.of(new Target(channel, null));
        }
        return address.map(value -> new Target(channel, value));
    }

    private static Optional<String> email(AccountDetails account) {
        return points(account, "EMAIL").filter(point -> !point.employerIssued())
                .map(AccountDetails.ContactPoint::value).findFirst();
    }

    private static Optional<String> textableMobile(AccountDetails account) {
        return points(account, "PHONE").filter(point -> point.phoneType() == PhoneType.MOBILE)
                .map(AccountDetails.ContactPoint::value)
                .filter(number -> account.consents().stream().anyMatch(consent -> consent.channel() == ConsentChannel.SMS
                        && consent.isInForce() && number.equals(consent.address())))
                .findFirst();
    }

    private static java.util.stream.Stream<AccountDetails.ContactPoint> points(AccountDetails account, String kind) {
        return account.contactPoints().stream().filter(point -> kind.equals(point.kind()))
                .filter(point -> point.verification() != Verification.INVALID);
    }
}
