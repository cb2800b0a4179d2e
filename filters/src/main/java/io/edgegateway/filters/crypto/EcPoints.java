package io.edgegateway.filters.crypto;

import java.math.BigInteger;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;

/**
 * Scalar multiplication on a prime-field elliptic curve in affine coordinates, by double
 * and add: only to compute the public point of a private key once, when a key is read.
 * Not constant-time, so never for signing.
 */
final class EcPoints {

	private static final BigInteger TWO = BigInteger.TWO;

	private static final BigInteger THREE = BigInteger.valueOf(3);

	private EcPoints() {
	}

	/**
	 * The curve's generator multiplied by a scalar.
	 * @param params the curve
	 * @param scalar the private scalar
	 * @return the point
	 */
	static ECPoint multiply(ECParameterSpec params, BigInteger scalar) {
		if (!(params.getCurve().getField() instanceof ECFieldFp field)) {
			throw new IllegalArgumentException("not a curve over a prime field");
		}
		BigInteger p = field.getP();
		BigInteger a = params.getCurve().getA();
		ECPoint result = ECPoint.POINT_INFINITY;
		ECPoint addend = params.getGenerator();
		for (int i = 0; i < scalar.bitLength(); i++) {
			if (scalar.testBit(i)) {
				result = add(result, addend, p, a);
			}
			addend = add(addend, addend, p, a);
		}
		return result;
	}

	private static ECPoint add(ECPoint first, ECPoint second, BigInteger p, BigInteger a) {
		if (first.equals(ECPoint.POINT_INFINITY)) {
			return second;
		}
		if (second.equals(ECPoint.POINT_INFINITY)) {
			return first;
		}
		BigInteger x1 = first.getAffineX();
		BigInteger y1 = first.getAffineY();
		BigInteger x2 = second.getAffineX();
		BigInteger y2 = second.getAffineY();
		BigInteger slope;
		if (x1.equals(x2)) {
			if (!y1.equals(y2) || y1.signum() == 0) {
				return ECPoint.POINT_INFINITY;
			}
			slope = x1.pow(2).multiply(THREE).add(a).multiply(y1.multiply(TWO).modInverse(p)).mod(p);
		}
		else {
			slope = y2.subtract(y1).multiply(x2.subtract(x1).modInverse(p)).mod(p);
		}
		BigInteger x3 = slope.pow(2).subtract(x1).subtract(x2).mod(p);
		BigInteger y3 = slope.multiply(x1.subtract(x3)).subtract(y1).mod(p);
		return new ECPoint(x3, y3);
	}

}
