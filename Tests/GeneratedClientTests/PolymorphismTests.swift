import Foundation
import SpecsmithRuntime
import Testing

/// `Payment` has `discriminator: {propertyName: method, mapping: {card: CardPayment}}` beside no `oneOf`, and
/// `CardPayment` and `Transfer` extend it with `allOf`, `InstantTransfer` extends `Transfer`: a value of `Payment`
/// is the schema its `method` selects, by the mapping or by the schema's name, else a `PaymentBase`; `Transfer`
/// is a union of `InstantTransfer` and `TransferBase` in turn.
@Suite struct PolymorphismTests {
    func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONCoding.makeDecoder().decode(type, from: Data(json.utf8))
    }

    @Test func theMappingAndTheSchemaNamesSelectTheCase() throws {
        let card = try decode(Payment.self, #"{"method": "card", "amount": 5, "last4": "4242"}"#)
        #expect(card == .cardPayment(CardPayment(method: "card", amount: 5, last4: "4242")))
        let transfer = try decode(Payment.self, #"{"method": "Transfer", "amount": 5, "iban": "DE02"}"#)
        #expect(transfer == .transfer(.transfer(TransferBase(method: "Transfer", amount: 5, iban: "DE02"))))
    }

    @Test func aSchemaThatExtendsASubtypeIsACaseOfItsUnion() throws {
        let json = #"{"method": "InstantTransfer", "amount": 5, "iban": "DE02", "seconds": 3}"#
        let instant = InstantTransfer(method: "InstantTransfer", amount: 5, iban: "DE02", seconds: 3)
        #expect(try decode(Transfer.self, json) == .instantTransfer(instant))
        #expect(try decode(Payment.self, json) == .transfer(.instantTransfer(instant)))
        let plain = try decode(Transfer.self, #"{"method": "Transfer", "amount": 5}"#)
        #expect(plain == .transfer(TransferBase(method: "Transfer", amount: 5)))
    }

    @Test func aValueOfAKindTheSpecDoesNotMapIsTheParentsOwn() throws {
        // A kind the server added later keeps what every payment has.
        let crypto = try decode(Payment.self, #"{"method": "crypto", "amount": 5, "wallet": "0x1"}"#)
        #expect(crypto == .payment(PaymentBase(method: "crypto", amount: 5)))
        let named = try decode(Payment.self, #"{"method": "Payment", "amount": 2}"#)
        #expect(named == .payment(PaymentBase(method: "Payment", amount: 2)))
        // Where a Transfer is expected, a card payment is no kind of transfer.
        let card = try decode(Transfer.self, #"{"method": "card", "amount": 5, "last4": "4242"}"#)
        #expect(card == .transfer(TransferBase(method: "card", amount: 5)))
    }

    @Test func aValueThatIsNoPaymentDoesNotDecode() throws {
        // Without the discriminator the value is the parent's own, which requires it.
        #expect(throws: DecodingError.self) { try decode(Payment.self, #"{"amount": 5}"#) }
        // The selected case's own required property.
        #expect(throws: DecodingError.self) { try decode(Payment.self, #"{"method": "card", "amount": 5}"#) }
    }

    @Test func aCaseEncodesAsItsStructWithTheStoredDiscriminator() throws {
        let payments: [Payment] = [
            .cardPayment(CardPayment(method: "card", amount: 5, last4: "4242")),
            .transfer(.instantTransfer(InstantTransfer(method: "InstantTransfer", amount: 5, seconds: 3))),
            .payment(PaymentBase(method: "crypto", amount: 1)),
        ]
        let encoded = try JSONCoding.makeEncoder().encode(payments)
        let objects = try JSONSerialization.jsonObject(with: encoded) as? [[String: Any]]
        #expect(objects?.map { $0["method"] as? String } == ["card", "InstantTransfer", "crypto"])
        #expect(objects?[0]["last4"] as? String == "4242")
        #expect(try decode([Payment].self, String(decoding: encoded, as: UTF8.self)) == payments)
    }

    @Test func validationChecksTheParentsAndTheCasesConstraints() throws {
        let card = Payment.cardPayment(CardPayment(method: "card", amount: 0, last4: "12345"))
        let error = #expect(throws: ValidationError.self) { try card.validate() }
        #expect(error?.description == "amount: is below minimum 1\nlast4: length 5 exceeds maxLength 4")
        let ledger = Ledger(
            payments: [.payment(PaymentBase(method: "crypto", amount: 0))],
            transfer: .instantTransfer(InstantTransfer(method: "InstantTransfer", amount: 1, seconds: 11)))
        let nested = #expect(throws: ValidationError.self) { try ledger.validate() }
        #expect(nested?.description == "payments[0].amount: is below minimum 1\ntransfer.seconds: exceeds maximum 10")
    }

    @Test func aSecretOfACaseIsRedacted() {
        let card = Payment.cardPayment(CardPayment(method: "card", amount: 5, last4: "4242", cvcToken: "123"))
        let printed = String(describing: card)
        #expect(printed.contains("<redacted>"))
        #expect(!printed.contains("\"123\""))
    }

    @Test func aResponseBodyIsTheCaseItsDiscriminatorSelects() async throws {
        let body = #"{"method": "InstantTransfer", "amount": 9, "seconds": 1}"#
        let outcome = try await DecodingClient(status: 200, contentType: "application/json", body: body)
            .getLatestPayment()
        let instant = InstantTransfer(method: "InstantTransfer", amount: 9, seconds: 1)
        #expect(outcome == .ok(.transfer(.instantTransfer(instant))))
    }
}
