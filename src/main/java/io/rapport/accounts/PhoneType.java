package io.rapport.accounts;

public enum PhoneType {
    MOBILE, LANDLINE, WORK
}
